import "server-only";
import { RISK_LEVELS } from "@/lib/domain/categories";
import type { VisitPolicyInput } from "@/lib/schemas/visit-policy";
import { assertCan } from "../access/policy";
import { writeAudit } from "../audit";
import { db } from "../db";
import { ConflictError, ForbiddenError } from "../errors";
import type { Actor } from "../session";
import { readVisitPolicy } from "./queries";

/**
 * A county officer sets her county's four intervals at once. The version she saw must still be current
 * ("changed by someone else" otherwise); a per-county lock makes the first save of a county safe too,
 * when there are no rows yet to update conditionally.
 */
export async function updateVisitPolicy(actor: Actor, input: VisitPolicyInput): Promise<{ version: number }> {
  await assertCan(actor, "update", "visitPolicy");
  // Only a county officer's own county: her scope is exactly the 6-digit county code.
  const countyCode = actor.scopePrefix;
  if (!/^\d{6}$/.test(countyCode)) throw new ForbiddenError();
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`visit_policy:${countyCode}`}))`;
    const current = await readVisitPolicy(tx, countyCode);
    if (current.version !== input.version) throw new ConflictError("visitPolicy.errors.conflict");
    const version = current.version + 1;
    for (const riskLevel of RISK_LEVELS) {
      const data = { intervalDays: input[riskLevel], version, updatedById: actor.userId };
      await tx.visitPolicy.upsert({
        where: { countyCode_riskLevel: { countyCode, riskLevel } },
        create: { countyCode, riskLevel, ...data },
        update: data,
      });
    }
    await writeAudit(tx, actor, {
      action: "update",
      entity: "visitPolicy",
      entityId: countyCode,
      areaCode: countyCode.padEnd(12, "0"),
      details: { before: current.intervals, after: { RED: input.RED, YELLOW: input.YELLOW, BLUE: input.BLUE, GREEN: input.GREEN } },
    });
    return { version };
  });
}
