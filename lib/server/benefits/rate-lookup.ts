import "server-only";
import type { BenefitTypeName } from "@/lib/domain/enums";
import type { Tx } from "../db";

/**
 * The areas a rate row may be set for, most specific first: the county ("411523"), the province ("41") and
 * the national default (""). A county's own amount wins over its province's even when the province's is
 * newer: the county sets it knowingly for its area, and changes it with a new dated row.
 */
export function rateAreas(areaCode: string): string[] {
  return [areaCode.slice(0, 6), areaCode.slice(0, 2), ""];
}

/** The monthly amount in fen of `type` for a child of `areaCode` in `month` (yyyy-MM-01), or null when none is set. */
export async function rateFor(client: Pick<Tx, "benefitRate">, type: BenefitTypeName, areaCode: string, month: string): Promise<number | null> {
  const rows = await client.benefitRate.findMany({
    where: { benefitType: type, areaCode: { in: rateAreas(areaCode) }, effectiveFrom: { lte: new Date(`${month}T00:00:00.000Z`) } },
    select: { areaCode: true, effectiveFrom: true, monthlyAmountFen: true },
  });
  rows.sort((a, b) => b.areaCode.length - a.areaCode.length || b.effectiveFrom.getTime() - a.effectiveFrom.getTime());
  return rows[0]?.monthlyAmountFen ?? null;
}
