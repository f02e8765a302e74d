import "server-only";
import type { ReferralDeadlineInput } from "@/lib/schemas/referral";
import { assertCan } from "../access/policy";
import { writeAudit } from "../audit";
import { db } from "../db";
import { ConflictError } from "../errors";
import type { Actor } from "../session";
import { isUniqueViolation } from "../unique-violation";

/**
 * The county officer's setting for one status in her own county (the county is her scope, never an
 * input). Versioned: version 0 creates the setting, a stale version is a conflict. Referrals already in
 * that state keep their due date; the new number applies from the next transition.
 */
export async function updateReferralDeadline(actor: Actor, input: ReferralDeadlineInput): Promise<{ version: number }> {
  await assertCan(actor, "update", "referralDeadline");
  const countyCode = actor.scopePrefix;
  if (!/^\d{6}$/.test(countyCode)) throw new ConflictError("referral.errors.noCounty");
  try {
    return await db().$transaction(async (tx) => {
      if (input.version === 0) {
        await tx.referralDeadline.create({ data: { countyCode, status: input.status, workingDays: input.workingDays, updatedById: actor.userId } });
      } else {
        const updated = await tx.referralDeadline.updateMany({
          where: { countyCode, status: input.status, version: input.version },
          data: { workingDays: input.workingDays, updatedById: actor.userId, version: { increment: 1 } },
        });
        if (updated.count === 0) throw new ConflictError("referral.errors.conflict");
      }
      await writeAudit(tx, actor, {
        action: "update",
        entity: "referralDeadline",
        entityId: `${countyCode}:${input.status}`,
        areaCode: countyCode.padEnd(12, "0"),
        details: { status: input.status, workingDays: input.workingDays },
      });
      return { version: input.version + 1 };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("referral.errors.conflict");
    throw error;
  }
}
