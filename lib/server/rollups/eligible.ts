import "server-only";
import { isEligible } from "@/lib/domain/eligibility/rules";
import { BENEFIT_TYPES } from "@/lib/domain/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "../db";
import { unsafeEligibilityFactsForVillages } from "../eligibility/facts";

// benefit_eligible: the eligibility rules run in TypeScript (lib/domain/eligibility), not in SQL, so the
// counts are made in memory over the villages' facts and handed back to SQL as a row set (unnest).

type Counts = { areaCodes: string[]; breakdowns: string[]; values: number[] };

/** Active children of `villages` whose rule holds on `today`, per village and benefit, covered or not. */
async function countEligible(client: Pick<Tx, "$queryRaw">, villages: string[], today: string): Promise<Counts> {
  const counts = new Map<string, number>();
  await unsafeEligibilityFactsForVillages(client, villages, today, (batch) => {
    for (const child of batch) {
      for (const benefit of BENEFIT_TYPES) {
        if (!isEligible(benefit, child.facts, today)) continue;
        const key = `${child.areaCode}|benefit:${benefit}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  });
  const out: Counts = { areaCodes: [], breakdowns: [], values: [] };
  for (const [key, value] of counts) {
    const [areaCode, breakdown] = key.split("|") as [string, string];
    out.areaCodes.push(areaCode);
    out.breakdowns.push(breakdown);
    out.values.push(value);
  }
  return out;
}

/** The benefit_eligible rows of `villages` as a SELECT of (area_code, period, indicator, breakdown, value). */
export async function eligibleRowsSql(client: Pick<Tx, "$queryRaw">, villages: string[], today: string, period: string): Promise<Prisma.Sql> {
  const { areaCodes, breakdowns, values } = await countEligible(client, villages, today);
  return Prisma.sql`
    SELECT e.area_code, ${period}::date AS period, 'benefit_eligible'::text AS indicator, e.breakdown, e.value
    FROM unnest(${areaCodes}::text[], ${breakdowns}::text[], ${values}::bigint[]) AS e(area_code, breakdown, value)
    WHERE e.value > 0`;
}
