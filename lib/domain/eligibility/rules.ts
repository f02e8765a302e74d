import { BENEFIT_TYPES, type BenefitTypeName } from "../enums";
import {
  ageBelow,
  ageBetween,
  anyOf,
  category,
  disabilityCertificate,
  disabilityGradeAtMost,
  hasDisability,
  householdBelowLine,
  householdNotTekun,
  householdOnDibaoOrTekun,
  householdPoor,
  inSchool,
  noCapableCarer,
  noHukou,
  notCategory,
  notInsured,
  outOfSchool,
  parentsStillQualify,
  type Condition,
} from "./conditions";
import type { EligibilityFacts, Verdict } from "./types";

// One rule per benefit of the catalogue (domain.md "Entitlements", national rules): every condition
// must hold. Localities are often more generous; these rules only suggest, the township checks and the
// county decides. Message keys: eligibility.reasons.* and eligibility.benefitRule.<BENEFIT>.
export const RULES: Record<BenefitTypeName, readonly Condition[]> = {
  ORPHAN_ALLOWANCE: [category("ORPHAN"), ageBelow(18)],
  // A release from prison (parent AT_HOME again) ends it, whatever the category row still says.
  DE_FACTO_ALLOWANCE: [category("DE_FACTO_UNSUPPORTED"), parentsStillQualify(), notCategory("ORPHAN"), ageBelow(18)],
  // Judgement call: a household already on 低保 counts as below the line (else a receiving child whose
  // household flags were not re-ticked would come up for review), and a 特困 household is not given 低保 too.
  DIBAO: [householdBelowLine(), householdNotTekun(), ageBelow(18)],
  // Orphans and de-facto unsupported children have their own allowance instead of 特困供养.
  TEKUN: [noCapableCarer(), householdPoor(), notCategory("ORPHAN"), notCategory("DE_FACTO_UNSUPPORTED"), ageBelow(16)],
  DISABILITY_LIVING_SUBSIDY: [disabilityCertificate(), householdOnDibaoOrTekun(), ageBelow(18)],
  DISABILITY_CARE_SUBSIDY: [disabilityCertificate(), disabilityGradeAtMost(2), ageBelow(18)],
  // 0–6 years: until the 7th birthday.
  CHILD_REHAB_AID: [hasDisability(), householdPoor(), ageBelow(7)],
  MEDICAL_INSURANCE: [notInsured(), ageBelow(18)],
  EDUCATION_AID: [
    inSchool(),
    anyOf("noEducationNeed", householdPoor(), category("ORPHAN"), category("DE_FACTO_UNSUPPORTED"), category("DISABILITY")),
    ageBelow(18),
  ],
  HUKOU_REGISTRATION: [noHukou(), ageBelow(18)],
  // Compulsory education: from the 6th birthday until the 16th.
  SCHOOL_RETURN: [outOfSchool(), ageBetween(6, 16)],
};

/** The verdict without its reasons, stopping at the first failing condition (bulk evaluation). */
export function isEligible(benefit: BenefitTypeName, facts: EligibilityFacts, on: string): boolean {
  return RULES[benefit].every((condition) => condition(facts, on).holds);
}

/** Eligible when every condition holds; the reasons are all of them then, else only the failing ones. */
export function evaluateBenefit(benefit: BenefitTypeName, facts: EligibilityFacts, on: string): Verdict {
  const checks = RULES[benefit].map((condition) => condition(facts, on));
  const eligible = checks.every((c) => c.holds);
  return { benefit, eligible, reasons: checks.filter((c) => eligible || !c.holds).map((c) => c.reason) };
}

/** Every benefit of the catalogue, in its order. */
export function evaluateAll(facts: EligibilityFacts, on: string): Verdict[] {
  return BENEFIT_TYPES.map((benefit) => evaluateBenefit(benefit, facts, on));
}
