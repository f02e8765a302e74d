import type { ChildCategoryName } from "./categories";
import { ageOn } from "./dates";
import type { LivingArrangementName, ParentStatusName } from "./enums";

// Category rules of domain.md "Child categories" (national definitions). Suggestions only: the director
// confirms each one; the form and the server call the same functions.

export type CategoryFacts = {
  dateOfBirth: string;
  hasIdNumber: boolean;
  hukouStatus: "RURAL" | "URBAN" | "NONE";
  healthStatus: "HEALTHY" | "CHRONIC_ILLNESS" | "SERIOUS_ILLNESS";
  disabilityType: string | null;
  hasDisabilityCertificate: boolean;
  livingArrangement: LivingArrangementName;
  household: {
    fatherStatus: ParentStatusName;
    motherStatus: ParentStatusName;
    hasDibao: boolean;
    hasTekun: boolean;
    isLowIncome: boolean;
    /** An entrusted guardian recorded as unable to care. */
    entrustedGuardianCannotCare: boolean;
  };
};

export type CategorySuggestion = { category: ChildCategoryName; reason: string };

/** Age (exclusive) at which each category ends; LEFT_BEHIND and MIGRANT stop at 16, the rest at 18. */
export const CATEGORY_AGE_LIMIT: Record<ChildCategoryName, number> = {
  LEFT_BEHIND: 16,
  MIGRANT: 16,
  ORPHAN: 18,
  DE_FACTO_UNSUPPORTED: 18,
  POOR_FAMILY: 18,
  DISABILITY: 18,
  GUARDIANSHIP: 18,
  SERIOUS_ILLNESS: 18,
  HIV_AFFECTED: 18,
  UNREGISTERED: 18,
};

/** A parent who cannot care for the child (the "other" parent of the left-behind rule). */
const UNABLE: readonly ParentStatusName[] = ["DECEASED", "MISSING", "DEPRIVED_OF_LIBERTY", "SEVERELY_ILL_OR_DISABLED"];
/** 事实无人抚养: severely ill or disabled, deprived of liberty, or missing. */
const DE_FACTO: readonly ParentStatusName[] = ["SEVERELY_ILL_OR_DISABLED", "DEPRIVED_OF_LIBERTY", "MISSING"];

function either(a: ParentStatusName, b: ParentStatusName, test: (x: ParentStatusName, y: ParentStatusName) => boolean) {
  return test(a, b) || test(b, a);
}

function isOrphan(f: ParentStatusName, m: ParentStatusName): boolean {
  return either(f, m, (x, y) => x === "DECEASED" && (y === "DECEASED" || y === "MISSING"));
}

/** 事实无人抚养 by the parents' recorded statuses (also the test that an allowance still applies). */
export function isDeFactoUnsupported(f: ParentStatusName, m: ParentStatusName): boolean {
  if (isOrphan(f, m)) return false;
  return (DE_FACTO.includes(f) && DE_FACTO.includes(m)) || either(f, m, (x, y) => DE_FACTO.includes(x) && y === "DECEASED");
}

function isLeftBehind(f: ParentStatusName, m: ParentStatusName): boolean {
  return either(f, m, (x, y) => x === "WORKING_AWAY" && (y === "WORKING_AWAY" || UNABLE.includes(y)));
}

/** The categories the answers point to, each with the message key of its reason. */
export function suggestCategories(facts: CategoryFacts, today: string): CategorySuggestion[] {
  const age = ageOn(facts.dateOfBirth, today);
  if (age < 0 || age >= 18) return [];
  const h = facts.household;
  const out: CategorySuggestion[] = [];
  const add = (category: ChildCategoryName, reason: string) => out.push({ category, reason: `registration.reasons.${reason}` });
  if (age < 16 && facts.hukouStatus === "RURAL" && isLeftBehind(h.fatherStatus, h.motherStatus)) add("LEFT_BEHIND", "leftBehind");
  if (isOrphan(h.fatherStatus, h.motherStatus)) add("ORPHAN", "orphan");
  if (isDeFactoUnsupported(h.fatherStatus, h.motherStatus)) add("DE_FACTO_UNSUPPORTED", "deFacto");
  if (h.hasDibao || h.hasTekun || h.isLowIncome) add("POOR_FAMILY", "poorFamily");
  if (facts.hasDisabilityCertificate || facts.disabilityType) add("DISABILITY", "disability");
  if (facts.healthStatus === "SERIOUS_ILLNESS") add("SERIOUS_ILLNESS", "seriousIllness");
  if (!facts.hasIdNumber || facts.hukouStatus === "NONE") add("UNREGISTERED", "unregistered");
  if (facts.livingArrangement === "ALONE") add("GUARDIANSHIP", "livingAlone");
  else if (h.entrustedGuardianCannotCare) add("GUARDIANSHIP", "guardianCannotCare");
  return out;
}

/** Categories a child of this age can no longer hold (the server refuses them). */
export function categoriesOverAge(categories: readonly ChildCategoryName[], dateOfBirth: string, today: string): ChildCategoryName[] {
  const age = ageOn(dateOfBirth, today);
  return categories.filter((c) => age >= CATEGORY_AGE_LIMIT[c]);
}

/** 未满16周岁儿童独居: a child under 16 living alone must be reported at once (强制报告). */
export function mustReportLivingAlone(livingArrangement: LivingArrangementName, dateOfBirth: string, today: string): boolean {
  return livingArrangement === "ALONE" && ageOn(dateOfBirth, today) < 16;
}
