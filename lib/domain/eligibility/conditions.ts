import type { ChildCategoryName } from "../categories";
import { isDeFactoUnsupported } from "../category-rules";
import { ageOn } from "../dates";
import type { SchoolStageName } from "../school-stage";
import type { EligibilityFacts, EligibilityReason } from "./types";

// The building blocks of the rules (rules.ts). Each condition answers for one child on one day and
// always gives a reason, so a verdict explains itself whichever way it goes.

export type Check = { holds: boolean; reason: EligibilityReason };
export type Condition = (facts: EligibilityFacts, on: string) => Check;

/** The specially protected category never decides a benefit (and never appears in a reason). */
export type RuleCategory = Exclude<ChildCategoryName, "HIV_AFFECTED">;

const IN_SCHOOL: readonly SchoolStageName[] = ["PRESCHOOL", "PRIMARY", "JUNIOR_SECONDARY", "SENIOR_SECONDARY", "VOCATIONAL"];

function check(holds: boolean, key: string, params?: Record<string, string | number>): Check {
  return { holds, reason: params ? { key, params } : { key } };
}

export const category =
  (code: RuleCategory): Condition =>
  (f) =>
    f.categories.includes(code) ? check(true, `category.${code}`) : check(false, `notCategory.${code}`);

/** An exclusion: a child of this category has her own allowance instead. */
export const notCategory =
  (code: RuleCategory): Condition =>
  (f) =>
    f.categories.includes(code) ? check(false, `ownAllowance.${code}`) : check(true, `notCategory.${code}`);

/** min ≤ age < limit on the day (ageOn: Asia/Shanghai calendar days, so the birthday itself counts). */
export const ageBetween =
  (min: number, limit: number): Condition =>
  (f, on) => {
    const age = ageOn(f.dateOfBirth, on);
    if (age >= limit) return check(false, "ageReached", { age, limit });
    if (age < min) return check(false, "ageUnder", { age, min });
    return check(true, "age", { age });
  };

export const ageBelow = (limit: number): Condition => ageBetween(0, limit);

/** The first condition that holds gives the reason; when none does, `failKey` says what is missing. */
export const anyOf =
  (failKey: string, ...conditions: Condition[]): Condition =>
  (f, on) => {
    for (const condition of conditions) {
      const result = condition(f, on);
      if (result.holds) return result;
    }
    return check(false, failKey);
  };

const onDibao: Condition = (f) => check(f.household.hasDibao, f.household.hasDibao ? "dibao" : "noDibao");
const onTekun: Condition = (f) => check(f.household.hasTekun, f.household.hasTekun ? "tekun" : "noTekun");
const lowIncome: Condition = (f) => check(f.household.isLowIncome, f.household.isLowIncome ? "lowIncome" : "notLowIncome");

/** 低保, 特困, low income, or the POOR_FAMILY category. */
export const householdPoor = (): Condition => anyOf("notPoor", onDibao, onTekun, lowIncome, category("POOR_FAMILY"));

/** Below the local line: low income, the POOR_FAMILY category, or already on 低保 (which presupposes it). */
export const householdBelowLine = (): Condition => anyOf("notPoor", lowIncome, category("POOR_FAMILY"), onDibao);

export const householdOnDibaoOrTekun = (): Condition => anyOf("noDibaoOrTekun", onDibao, onTekun);

/** 特困供养 replaces 低保: a household supported as 特困 is not also given 低保 (社会救助暂行办法). */
export const householdNotTekun = (): Condition => (f) => check(!f.household.hasTekun, f.household.hasTekun ? "tekunInstead" : "noTekun");

/** 残疾人证 */
export const disabilityCertificate = (): Condition => (f) =>
  check(f.hasDisabilityCertificate, f.hasDisabilityCertificate ? "certificate" : "noCertificate");

/** Grade 1 is the most severe (重度残疾: grades 1 and 2). */
export const disabilityGradeAtMost =
  (max: number): Condition =>
  (f) => {
    const grade = f.disabilityGrade;
    if (grade === null) return check(false, "noGrade");
    return grade <= max ? check(true, "grade", { grade }) : check(false, "gradeNotSevere", { grade, max });
  };

/** A certificate, an assessed disability type or the DISABILITY category. */
export const hasDisability = (): Condition =>
  anyOf(
    "noDisability",
    (f) => check(f.hasDisabilityCertificate, "certificate"),
    (f) => check(f.disabilityType !== null, "disabilityRecorded"),
    category("DISABILITY"),
  );

export const noHukou = (): Condition =>
  anyOf("hasHukou", (f) => check(f.hukouStatus === "NONE", "noHukou"), category("UNREGISTERED"));

/** UNKNOWN is missing data (the workbench asks for it), not a gap. */
export const notInsured = (): Condition => (f) =>
  check(f.medicalInsurance === "NOT_INSURED", f.medicalInsurance === "INSURED" ? "insured" : f.medicalInsurance === "UNKNOWN" ? "insuranceUnknown" : "notInsured");

export const inSchool = (): Condition => (f) =>
  IN_SCHOOL.includes(f.schoolStage) ? check(true, "inSchool") : check(false, "notInSchool");

export const outOfSchool = (): Condition => (f) =>
  f.schoolStage === "OUT_OF_SCHOOL" ? check(true, "outOfSchool") : check(false, "notOutOfSchool");

export const noCapableCarer = (): Condition => (f) =>
  f.household.anyGuardianCanCare ? check(false, "capableCarer") : check(true, "noCapableCarer");

/** The parents' recorded statuses still make the child 事实无人抚养 (e.g. not after a release from prison). */
export const parentsStillQualify = (): Condition => (f) =>
  isDeFactoUnsupported(f.household.fatherStatus, f.household.motherStatus) ? check(true, "parentsQualify") : check(false, "parentsNoLongerQualify");
