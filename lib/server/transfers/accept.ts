import "server-only";
import { assertCan } from "../access/policy";
import { writeAudit } from "../audit";
import type { Tx } from "../db";
import { db } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { deliverNotifications, notify, type NotificationEvent } from "../notifications/notify";
import type { Actor } from "../session";
import { lockChild } from "../visits/rules";
import { auditBothSides } from "./audit-both-sides";
import { receivingScopeWhere } from "./scope";

type Destination = { areaCode: string; areaName: string };

/**
 * The receiving township's supervisor accepts: in one transaction the transfer is decided (conditional
 * on REQUESTED + version, so of two accepts exactly one wins), the child, her household and every case
 * row of hers take the new village's code, so access follows the village and the history moves with her.
 */
export async function acceptTransfer(actor: Actor, input: { transferId: string; version: number; note?: string }): Promise<void> {
  await assertCan(actor, "update", "transfer");
  const result = await db().$transaction(async (tx) => {
    const transfer = await tx.childTransfer.findFirst({
      where: { id: input.transferId, ...receivingScopeWhere(actor) },
      select: { id: true, childId: true, fromAreaCode: true, toAreaCode: true, toAreaName: true, child: { select: { name: true } } },
    });
    if (!transfer) {
      await writeAudit(tx, actor, { action: "update", entity: "transfer", entityId: input.transferId, outcome: "DENIED", details: { decision: "ACCEPT" } });
      return null;
    }
    const decided = await tx.childTransfer.updateMany({
      where: { id: transfer.id, status: "REQUESTED", version: input.version, ...receivingScopeWhere(actor) },
      data: { status: "ACCEPTED", decisionNote: input.note || null, decidedById: actor.userId, decidedAt: new Date(), version: { increment: 1 } },
    });
    if (decided.count === 0) throw new ConflictError("transfer.errors.alreadyDecided");
    await lockChild(tx, transfer.childId);
    const to = { areaCode: transfer.toAreaCode, areaName: transfer.toAreaName };
    const moved = await tx.child.updateMany({
      // A file closed since the request stays where it is: there is no active child to hand over.
      where: { id: transfer.childId, areaCode: transfer.fromAreaCode, status: "ACTIVE" },
      data: { ...to, version: { increment: 1 } },
    });
    if (moved.count === 0) throw new ConflictError("transfer.errors.childNotActive");
    await moveHousehold(tx, transfer.childId, to);
    await moveCaseRows(tx, transfer.childId, to.areaCode);
    await auditBothSides(tx, actor, transfer, "update", { status: "ACCEPTED", childId: transfer.childId });
    const event: NotificationEvent = {
      kind: "TRANSFER_ACCEPTED",
      entity: "transfer",
      entityId: transfer.id,
      areaCode: transfer.fromAreaCode,
      roles: ["VILLAGE_DIRECTOR"],
      params: { childName: transfer.child.name },
      exceptUserId: actor.userId,
    };
    return { event, recipients: await notify(tx, event) };
  });
  if (!result) throw new NotFoundError();
  await deliverNotifications(result.recipients, result.event);
}

/**
 * The household moves with the child when she is its only child on file; otherwise (siblings, even closed
 * files, stay behind) the receiving village gets a copy of the household and its guardians, so nothing of
 * the new village shows in the old one's files and the reverse.
 */
async function moveHousehold(tx: Tx, childId: string, to: Destination): Promise<void> {
  const child = await tx.child.findUniqueOrThrow({ where: { id: childId }, select: { householdId: true } });
  const others = await tx.child.count({ where: { householdId: child.householdId, id: { not: childId } } });
  if (others === 0) {
    await tx.household.update({ where: { id: child.householdId }, data: { ...to, version: { increment: 1 } } });
    await tx.guardian.updateMany({ where: { householdId: child.householdId }, data: { areaCode: to.areaCode } });
    return;
  }
  const { id: _id, areaCode: _a, areaName: _n, clientRequestId: _r, version: _v, createdAt: _c, updatedAt: _u, guardians, ...facts } =
    await tx.household.findUniqueOrThrow({ where: { id: child.householdId }, include: { guardians: true } });
  const copy = await tx.household.create({ data: { ...facts, ...to }, select: { id: true } });
  if (guardians.length > 0) {
    await tx.guardian.createMany({
      data: guardians.map(({ id: _gid, householdId: _h, areaCode: _ga, version: _gv, createdAt: _gc, updatedAt: _gu, ...guardian }) => ({
        ...guardian,
        householdId: copy.id,
        areaCode: to.areaCode,
      })),
    });
  }
  await tx.child.update({ where: { id: childId }, data: { householdId: copy.id } });
}

/** Every record carrying the child's area keeps its history but takes the new code. */
async function moveCaseRows(tx: Tx, childId: string, areaCode: string): Promise<void> {
  const where = { childId };
  const data = { areaCode };
  await tx.childCategory.updateMany({ where, data });
  await tx.visit.updateMany({ where, data });
  await tx.referral.updateMany({ where, data });
  await tx.referralEvent.updateMany({ where: { referral: { childId } }, data });
  await tx.entitlement.updateMany({ where, data });
  await tx.entitlementEvent.updateMany({ where: { entitlement: { childId } }, data });
  await tx.entitlementDocument.updateMany({ where: { entitlement: { childId } }, data });
  // Payments stay where they were made: the old county paid them and keeps its rosters whole.
  await tx.mandatoryReport.updateMany({ where, data });
  await tx.groupSessionAttendee.updateMany({ where, data });
}
