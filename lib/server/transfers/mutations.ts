import "server-only";
import type { CancelTransferInput, DecideTransferInput, RequestTransferInput } from "@/lib/schemas/transfer";
import { assertCan } from "../access/policy";
import { scopePattern } from "../access/scope";
import { findVillage } from "../areas/search";
import { writeAudit } from "../audit";
import { db } from "../db";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { deliverNotifications, notify, type NotificationEvent } from "../notifications/notify";
import type { Actor } from "../session";
import { acceptTransfer } from "./accept";
import { auditBothSides } from "./audit-both-sides";
import { receivingScopeWhere, sendingScopeWhere } from "./scope";

type LockedChild = { id: string; name: string; area_code: string; area_name: string; status: string };

/**
 * The director asks to move an active child of her village to another village. The child row is locked
 * first, so two requests for one child queue up and the second sees the first (at most one open).
 */
export async function requestTransfer(actor: Actor, input: RequestTransferInput): Promise<{ transferId: string }> {
  await assertCan(actor, "create", "transfer");
  const destination = await findVillage(actor, input.toAreaCode);
  const result = await db().$transaction(async (tx) => {
    const [child] = await tx.$queryRaw<LockedChild[]>`
      SELECT id, name, area_code, area_name, status FROM children
      WHERE id = ${input.childId}::uuid AND area_code LIKE ${scopePattern(actor)} FOR UPDATE`;
    if (!child) {
      await writeAudit(tx, actor, { action: "create", entity: "transfer", entityId: input.childId, outcome: "DENIED", details: { childId: input.childId } });
      return null;
    }
    if (child.status !== "ACTIVE") throw new ConflictError("transfer.errors.childNotActive");
    if (!destination) throw new ValidationError({ toAreaCode: ["transfer.errors.destination"] });
    if (destination.code === child.area_code) throw new ValidationError({ toAreaCode: ["transfer.errors.sameVillage"] });
    const open = await tx.childTransfer.count({ where: { childId: child.id, status: "REQUESTED" } });
    if (open > 0) throw new ConflictError("transfer.errors.alreadyOpen");
    const transfer = await tx.childTransfer.create({
      data: {
        childId: child.id,
        fromAreaCode: child.area_code,
        fromAreaName: child.area_name,
        toAreaCode: destination.code,
        toAreaName: destination.name,
        reason: input.reason,
        requestedById: actor.userId,
      },
      select: { id: true, fromAreaCode: true, toAreaCode: true },
    });
    await auditBothSides(tx, actor, transfer, "create", { childId: child.id });
    const event: NotificationEvent = {
      kind: "TRANSFER_REQUESTED",
      entity: "transfer",
      entityId: transfer.id,
      areaCode: destination.code,
      roles: ["TOWNSHIP_SUPERVISOR"],
      params: { childName: child.name },
      exceptUserId: actor.userId,
    };
    return { transferId: transfer.id, event, recipients: await notify(tx, event) };
  });
  if (!result) throw new NotFoundError();
  await deliverNotifications(result.recipients, result.event);
  return { transferId: result.transferId };
}

/** The sending director withdraws her request while nobody has decided it. */
export async function cancelTransfer(actor: Actor, input: CancelTransferInput): Promise<void> {
  await assertCan(actor, "close", "transfer");
  const found = await db().$transaction(async (tx) => {
    const transfer = await tx.childTransfer.findFirst({
      where: { id: input.transferId, ...sendingScopeWhere(actor) },
      select: { id: true, fromAreaCode: true, toAreaCode: true },
    });
    if (!transfer) {
      await writeAudit(tx, actor, { action: "close", entity: "transfer", entityId: input.transferId, outcome: "DENIED" });
      return false;
    }
    const updated = await tx.childTransfer.updateMany({
      where: { id: transfer.id, status: "REQUESTED", version: input.version, ...sendingScopeWhere(actor) },
      data: { status: "CANCELLED", decidedById: actor.userId, decidedAt: new Date(), version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError("transfer.errors.alreadyDecided");
    await auditBothSides(tx, actor, transfer, "close", { status: "CANCELLED" });
    return true;
  });
  if (!found) throw new NotFoundError();
}

/** The receiving township's supervisor refuses the move (with a note); the child stays where she is. */
export async function rejectTransfer(actor: Actor, input: { transferId: string; version: number; note: string }): Promise<void> {
  await assertCan(actor, "update", "transfer");
  const found = await db().$transaction(async (tx) => {
    const transfer = await tx.childTransfer.findFirst({
      where: { id: input.transferId, ...receivingScopeWhere(actor) },
      select: { id: true, fromAreaCode: true, toAreaCode: true },
    });
    if (!transfer) {
      await writeAudit(tx, actor, { action: "update", entity: "transfer", entityId: input.transferId, outcome: "DENIED", details: { decision: "REJECT" } });
      return false;
    }
    const updated = await tx.childTransfer.updateMany({
      where: { id: transfer.id, status: "REQUESTED", version: input.version, ...receivingScopeWhere(actor) },
      data: { status: "REJECTED", decisionNote: input.note, decidedById: actor.userId, decidedAt: new Date(), version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError("transfer.errors.alreadyDecided");
    await auditBothSides(tx, actor, transfer, "update", { status: "REJECTED", note: input.note });
    return true;
  });
  if (!found) throw new NotFoundError();
}

/** The receiving supervisor's decision, as the form sends it. */
export async function decideTransfer(actor: Actor, input: DecideTransferInput): Promise<void> {
  if (input.decision === "ACCEPT") await acceptTransfer(actor, input);
  else await rejectTransfer(actor, input);
}
