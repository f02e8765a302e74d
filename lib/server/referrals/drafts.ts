import "server-only";
import type { ReferralTypeName } from "@/lib/domain/enums";
import { VISIT_DOMAINS } from "@/lib/domain/enums";
import { isoDate } from "@/lib/domain/dates";
import { isUuid } from "@/lib/domain/ids";
import type { ReferralDraftInput } from "@/lib/schemas/visit";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { Actor } from "../session";

// The usual receiving agency per need (stored data, the director can change it in the referral workflow).
const DEFAULT_AGENCY: Record<ReferralTypeName, string> = {
  CIVIL_REGISTRATION: "派出所",
  SCHOOL: "中心学校",
  HEALTH: "乡镇卫生院",
  MEDICAL_INSURANCE: "县医疗保障局",
  SOCIAL_ASSISTANCE: "县民政局",
  ORPHAN_RECOGNITION: "县民政局",
  DISABILITY: "县残疾人联合会",
  GUARDIANSHIP: "县民政局",
  PSYCHOSOCIAL: "县妇女联合会",
  PROTECTION: "派出所",
  OTHER: "乡镇人民政府",
};

/**
 * A DRAFT referral for one need found on a visit: of the need's type, linked to the visit, its reason
 * taken from what the visit recorded. One draft per visit and type: a second tap returns the first.
 */
export async function createReferralDraftFromNeed(actor: Actor, input: ReferralDraftInput): Promise<{ referralId: string; created: boolean }> {
  await assertCan(actor, "create", "referral");
  const outcome = await db().$transaction(async (tx) => {
    const visit = isUuid(input.visitId)
      ? await tx.visit.findFirst({
          where: { id: input.visitId, ...scopeWhere(actor), needs: { has: input.type }, child: { status: "ACTIVE" } },
          select: { id: true, childId: true, areaCode: true, visitedOn: true, notes: true, care: true, safety: true, health: true, education: true, wellbeing: true },
        })
      : null;
    if (!visit) {
      await writeAudit(tx, actor, { action: "create", entity: "referral", outcome: "DENIED", details: { visitId: input.visitId, type: input.type } });
      return null;
    }
    // Serialises two taps on the same button, so the check below cannot race (there is no unique index).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`referral_draft:${visit.id}:${input.type}`}))`;
    const existing = await tx.referral.findFirst({
      where: { visitId: visit.id, childId: visit.childId, type: input.type, ...scopeWhere(actor) },
      select: { id: true },
    });
    if (existing) return { referralId: existing.id, created: false };
    const seen = [visit.notes, ...VISIT_DOMAINS.map((d) => visit[d])].filter(Boolean).join("；");
    const referral = await tx.referral.create({
      data: {
        childId: visit.childId,
        areaCode: visit.areaCode,
        type: input.type,
        agency: DEFAULT_AGENCY[input.type],
        status: "DRAFT",
        reason: `${isoDate(visit.visitedOn)} 走访发现${seen ? `：${seen}` : "此项需要"}`.slice(0, 2000),
        visitId: visit.id,
        createdById: actor.userId,
        // The timeline starts with the draft, like every referral's approval chain.
        events: { create: { areaCode: visit.areaCode, toStatus: "DRAFT", actorId: actor.userId, actorRole: actor.role } },
      },
      select: { id: true },
    });
    await writeAudit(tx, actor, {
      action: "create",
      entity: "referral",
      entityId: referral.id,
      areaCode: visit.areaCode,
      details: { childId: visit.childId, visitId: visit.id, type: input.type, status: "DRAFT" },
    });
    return { referralId: referral.id, created: true };
  });
  if (!outcome) throw new NotFoundError();
  return outcome;
}
