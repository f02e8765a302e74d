import "server-only";
import { dateValue, todayInChina } from "@/lib/domain/dates";
import type { CloseChildFileInput, RecordVisitInput } from "@/lib/schemas/visit";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db } from "../db";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import type { Actor } from "../session";

/** Logs a home visit and carries its risk grade and next date onto the child's file. */
export async function recordVisit(actor: Actor, input: RecordVisitInput): Promise<{ visitId: string }> {
  assertCan(actor, "create", "visit");
  if (input.visitedOn > todayInChina()) throw new ValidationError({ visitedOn: ["visit.errors.futureDate"] });
  if (input.nextVisitOn && input.nextVisitOn < input.visitedOn) {
    throw new ValidationError({ nextVisitOn: ["visit.errors.nextBeforeVisit"] });
  }
  return db().$transaction(async (tx) => {
    const child = await tx.child.findFirst({
      where: { id: input.childId, ...scopeWhere(actor), status: "ACTIVE" },
      select: { id: true, areaCode: true },
    });
    if (!child) throw new NotFoundError();
    const nextVisitOn = input.nextVisitOn ? dateValue(input.nextVisitOn) : null;
    const visit = await tx.visit.create({
      data: {
        childId: child.id,
        areaCode: child.areaCode,
        visitedOn: dateValue(input.visitedOn),
        riskLevel: input.riskLevel,
        notes: input.notes || null,
        nextVisitOn,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await tx.child.update({
      where: { id: child.id },
      data: { riskLevel: input.riskLevel, nextVisitOn, version: { increment: 1 } },
    });
    await writeAudit(tx, actor, {
      action: "create",
      entity: "visit",
      entityId: visit.id,
      areaCode: child.areaCode,
      details: { childId: child.id, riskLevel: input.riskLevel },
    });
    return { visitId: visit.id };
  });
}

/** Closes a file (moved away, turned 18, died, other); stale versions are refused, never overwritten. */
export async function closeChildFile(actor: Actor, input: CloseChildFileInput): Promise<void> {
  assertCan(actor, "close", "child");
  await db().$transaction(async (tx) => {
    const child = await tx.child.findFirst({ where: { id: input.childId, ...scopeWhere(actor) }, select: { areaCode: true } });
    if (!child) throw new NotFoundError();
    const updated = await tx.child.updateMany({
      where: { id: input.childId, ...scopeWhere(actor), status: "ACTIVE", version: input.version },
      data: { status: "CLOSED", closedReason: input.reason, closedAt: new Date(), version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError();
    await writeAudit(tx, actor, {
      action: "close",
      entity: "child",
      entityId: input.childId,
      areaCode: child.areaCode,
      details: { reason: input.reason },
    });
  });
}
