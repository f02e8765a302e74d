import "server-only";
import type { BenefitTypeName } from "@/lib/domain/enums";
import { isoDate } from "@/lib/domain/dates";
import { currentMonth, monthStart } from "@/lib/domain/months";
import { assertCan, can } from "../access/policy";
import { db } from "../db";
import type { Actor } from "../session";
import { listBenefits, type BenefitDefinition } from "./catalogue";
import { ownRateArea, rateAreasWithin, rateSource, type RateSource } from "./rate-areas";

export type BenefitRateEntry = { month: string; amountFen: number; source: RateSource; areaCode: string };

export type CashBenefitRates = {
  benefit: BenefitTypeName;
  /** The amount in force in the actor's area this month, and the level that set it; null when none is set. */
  current: BenefitRateEntry | null;
  /** Every dated amount for the actor's area (national, province, county), newest first; later ones included. */
  history: BenefitRateEntry[];
};

export type BenefitRatesView = {
  month: string;
  catalogue: BenefitDefinition[];
  rates: CashBenefitRates[];
  /** The area the actor may set amounts for: her county or her province; null for everyone else. */
  ownArea: string | null;
};

type RateRow = { benefitType: BenefitTypeName; areaCode: string; effectiveFrom: Date; monthlyAmountFen: number };

/** Same rule as rateFor (rate-lookup.ts): the most specific area wins, then the latest month not after `month`. */
function inForce(rows: RateRow[], month: string): RateRow | null {
  const from = monthStart(month);
  const candidates = rows.filter((r) => isoDate(r.effectiveFrom) <= from);
  candidates.sort((a, b) => b.areaCode.length - a.areaCode.length || b.effectiveFrom.getTime() - a.effectiveFrom.getTime());
  return candidates[0] ?? null;
}

function entry(row: RateRow): BenefitRateEntry {
  return { month: isoDate(row.effectiveFrom).slice(0, 7), amountFen: row.monthlyAmountFen, source: rateSource(row.areaCode), areaCode: row.areaCode };
}

/** The catalogue, and for each cash benefit the amounts that apply in the actor's area (reference data, not case data). */
export async function listBenefitRates(actor: Actor): Promise<BenefitRatesView> {
  await assertCan(actor, "list", "benefit");
  const month = currentMonth();
  const [catalogue, rows] = await Promise.all([
    listBenefits(actor),
    db().benefitRate.findMany({
      where: { areaCode: { in: rateAreasWithin(actor.scopePrefix) } },
      select: { benefitType: true, areaCode: true, effectiveFrom: true, monthlyAmountFen: true },
      orderBy: [{ effectiveFrom: "desc" }, { areaCode: "desc" }],
    }),
  ]);
  const rates = catalogue
    .filter((b) => b.isCash)
    .map((b) => {
      const own = rows.filter((r) => r.benefitType === b.type);
      const current = inForce(own, month);
      return { benefit: b.type, current: current ? entry(current) : null, history: own.map(entry) };
    });
  return { month, catalogue, rates, ownArea: can(actor.role, "update", "benefit") ? ownRateArea(actor) : null };
}
