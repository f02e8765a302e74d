import { daysBetween } from "../work-lists";
import { BENEFIT_TYPES, type BenefitTypeName, type EntitlementStatusName } from "../enums";
import { evaluateBenefit, isEligible } from "./rules";
import type { EligibilityFacts, EligibilityReason, Verdict } from "./types";

// Which benefits a child already has (or has asked for), the gaps that remain, and the benefits she
// receives without qualifying any more (review tasks).

export type EntitlementFact = { id: string; type: BenefitTypeName; status: EntitlementStatusName; decidedOn: string | null };
export type Coverage = { entitlementId: string | null; status: EntitlementStatusName | "HOUSEHOLD" };

/** A refusal is not suggested again at once: the gap comes back this many days after the decision. */
export const REFUSAL_QUIET_DAYS = 180;

/** Statuses that cover a benefit, the most advanced first (the one shown when there are several). */
const COVERING: readonly EntitlementStatusName[] = ["RECEIVING", "CONFIRMED", "SUSPENDED", "CHECKED", "APPLIED", "RETURNED"];

/** Statuses in which a benefit is (or is about to be) paid: the rule must still hold. */
export const REVIEWED_STATUSES: readonly EntitlementStatusName[] = ["CONFIRMED", "RECEIVING", "SUSPENDED"];

function recentlyDenied(e: EntitlementFact, on: string): boolean {
  // Without a decision date the refusal cannot be dated: suggest again rather than hide a child's gap.
  return e.status === "DENIED" && e.decidedOn !== null && daysBetween(e.decidedOn, on) <= REFUSAL_QUIET_DAYS;
}

/** The entitlement (or household status: 低保, 特困) that covers a benefit on the day, or null. */
export function coverageOf(
  benefit: BenefitTypeName,
  household: EligibilityFacts["household"],
  entitlements: readonly EntitlementFact[],
  on: string,
): Coverage | null {
  const own = entitlements.filter((e) => e.type === benefit);
  for (const status of COVERING) {
    const found = own.find((e) => e.status === status);
    if (found) return { entitlementId: found.id, status };
  }
  const denied = own.find((e) => recentlyDenied(e, on));
  if (denied) return { entitlementId: denied.id, status: "DENIED" };
  if ((benefit === "DIBAO" && household.hasDibao) || (benefit === "TEKUN" && household.hasTekun)) return { entitlementId: null, status: "HOUSEHOLD" };
  return null;
}

/** The benefits a child is eligible for and neither receives nor has applied for (the gap list). */
export function gapBenefits(facts: EligibilityFacts, entitlements: readonly EntitlementFact[], on: string): BenefitTypeName[] {
  return BENEFIT_TYPES.filter((b) => isEligible(b, facts, on) && coverageOf(b, facts.household, entitlements, on) === null);
}

/** The gaps with their reasons ("orphan, age 9"). */
export function findGaps(facts: EligibilityFacts, entitlements: readonly EntitlementFact[], on: string): Verdict[] {
  return gapBenefits(facts, entitlements, on).map((b) => evaluateBenefit(b, facts, on));
}

export type ReviewFinding = { entitlement: EntitlementFact; reasons: EligibilityReason[] };

/**
 * Recurring benefits confirmed, received or suspended whose rule no longer holds (turned 18, left the
 * category, parent released from prison). One-off benefits end by being done (a hukou registered), so
 * only `recurringBenefits` (the catalogue's is_recurring) are reviewed.
 */
export function findReviews(
  facts: EligibilityFacts,
  entitlements: readonly EntitlementFact[],
  on: string,
  recurringBenefits: readonly BenefitTypeName[],
): ReviewFinding[] {
  const out: ReviewFinding[] = [];
  for (const entitlement of entitlements) {
    if (!REVIEWED_STATUSES.includes(entitlement.status) || !recurringBenefits.includes(entitlement.type)) continue;
    const verdict = evaluateBenefit(entitlement.type, facts, on);
    if (!verdict.eligible) out.push({ entitlement, reasons: verdict.reasons });
  }
  return out;
}
