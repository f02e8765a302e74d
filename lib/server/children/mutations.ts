import "server-only";
import { dateValue, todayInChina } from "@/lib/domain/dates";
import type { ReopenFileInput } from "@/lib/schemas/child";
import type { CloseChildFileInput } from "@/lib/schemas/visit";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import type { Actor } from "../session";

/**
 * Closes a file (moved away, turned 18, died, other); stale versions are refused, never overwritten.
 * For OTHER the director's note is kept as the reason itself (closedReason holds a code or that text).
 */
export async function closeChildFile(actor: Actor, input: CloseChildFileInput & { note?: string }): Promise<void> {
  await assertCan(actor, "close", "child");
  const found = await db().$transaction(async (tx) => {
    const child = await tx.child.findFirst({ where: { id: input.childId, ...scopeWhere(actor) }, select: { areaCode: true } });
    if (!child) {
      // Committed on purpose: the denied attempt stays in the audit trail.
      await writeAudit(tx, actor, { action: "close", entity: "child", entityId: input.childId, outcome: "DENIED" });
      return false;
    }
    const updated = await tx.child.updateMany({
      where: { id: input.childId, ...scopeWhere(actor), status: "ACTIVE", version: input.version },
      data: { status: "CLOSED", closedReason: input.reason === "OTHER" && input.note ? input.note : input.reason, closedAt: new Date(), version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError();
    await writeAudit(tx, actor, {
      action: "close",
      entity: "child",
      entityId: input.childId,
      areaCode: child.areaCode,
      details: { reason: input.reason, ...(input.note ? { note: input.note } : {}) },
    });
    return true;
  });
  if (!found) throw new NotFoundError();
}

/** A child who comes back (a returning migrant child): the closed file opens again, due for a visit today. */
export async function reopenChildFile(actor: Actor, input: ReopenFileInput): Promise<void> {
  await assertCan(actor, "update", "child");
  const found = await db().$transaction(async (tx) => {
    const child = await tx.child.findFirst({ where: { id: input.childId, ...scopeWhere(actor) }, select: { areaCode: true } });
    if (!child) {
      await writeAudit(tx, actor, { action: "update", entity: "child", entityId: input.childId, outcome: "DENIED", details: { reopened: true } });
      return false;
    }
    const updated = await tx.child.updateMany({
      where: { id: input.childId, ...scopeWhere(actor), status: "CLOSED", version: input.version },
      data: { status: "ACTIVE", closedReason: null, closedAt: null, nextVisitOn: dateValue(todayInChina()), version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError();
    await writeAudit(tx, actor, {
      action: "update",
      entity: "child",
      entityId: input.childId,
      areaCode: child.areaCode,
      details: { reopened: true, ...(input.note ? { note: input.note } : {}) },
    });
    return true;
  });
  if (!found) throw new NotFoundError();
}
