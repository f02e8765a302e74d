import "server-only";
import type { CreateReferralInput, UpdateReferralInput } from "@/lib/schemas/referral";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import type { Actor } from "../session";

/** A referral the director writes for a child of her village; it starts as a DRAFT she then submits. */
export async function createReferral(actor: Actor, input: CreateReferralInput): Promise<{ referralId: string }> {
  await assertCan(actor, "create", "referral");
  const created = await db().$transaction(async (tx) => {
    const child = await tx.child.findFirst({ where: { id: input.childId, status: "ACTIVE", ...scopeWhere(actor) }, select: { id: true, areaCode: true } });
    if (!child) {
      await writeAudit(tx, actor, { action: "create", entity: "referral", outcome: "DENIED", details: { childId: input.childId } });
      return null;
    }
    const referral = await tx.referral.create({
      data: { childId: child.id, areaCode: child.areaCode, type: input.type, agency: input.agency, reason: input.reason, status: "DRAFT", createdById: actor.userId },
      select: { id: true },
    });
    await tx.referralEvent.create({
      data: { referralId: referral.id, areaCode: child.areaCode, fromStatus: null, toStatus: "DRAFT", actorId: actor.userId, actorRole: actor.role },
    });
    await writeAudit(tx, actor, { action: "create", entity: "referral", entityId: referral.id, areaCode: child.areaCode, details: { childId: child.id, type: input.type, status: "DRAFT" } });
    return referral.id;
  });
  if (!created) throw new NotFoundError();
  return { referralId: created };
}

/** The director edits a draft, or a referral the supervisor returned for more information, before submitting it. */
export async function updateReferral(actor: Actor, input: UpdateReferralInput): Promise<{ referralId: string; version: number }> {
  await assertCan(actor, "create", "referral");
  const found = await db().$transaction(async (tx) => {
    const current = await tx.referral.findFirst({ where: { id: input.referralId, ...scopeWhere(actor) }, select: { id: true, areaCode: true, status: true } });
    if (!current) {
      await writeAudit(tx, actor, { action: "update", entity: "referral", entityId: input.referralId, outcome: "DENIED" });
      return false;
    }
    const updated = await tx.referral.updateMany({
      where: { id: current.id, version: input.version, status: { in: ["DRAFT", "RETURNED"] }, ...scopeWhere(actor) },
      data: { type: input.type, agency: input.agency, reason: input.reason, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError("referral.errors.conflict");
    await writeAudit(tx, actor, { action: "update", entity: "referral", entityId: current.id, areaCode: current.areaCode, details: { edited: ["type", "agency", "reason"] } });
    return true;
  });
  if (!found) throw new NotFoundError();
  return { referralId: input.referralId, version: input.version + 1 };
}
