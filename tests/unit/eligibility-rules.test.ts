import { describe, expect, it } from "vitest";
import type { ChildCategoryName } from "@/lib/domain/categories";
import { todayInChina } from "@/lib/domain/dates";
import { evaluateAll, evaluateBenefit } from "@/lib/domain/eligibility/rules";
import type { EligibilityFacts, EligibilityReason } from "@/lib/domain/eligibility/types";
import { BENEFIT_TYPES, type BenefitTypeName } from "@/lib/domain/enums";

// One table per rule. Every table has the last instant before and the first instant of the birthday
// that ends the benefit in Asia/Shanghai: 16:00 UTC is midnight in Beijing but still the day before in
// São Paulo (the zone the tests run in), so an age computed in the process's zone fails these rows.
const BEFORE = "2026-03-14T15:59:59Z"; // 2026-03-14 23:59:59 in Beijing
const BIRTHDAY = "2026-03-14T16:00:00Z"; // 2026-03-15 00:00:00 in Beijing
const bornTurning = (age: number) => `${2026 - age}-03-15`;

type Overrides = Partial<Omit<EligibilityFacts, "household" | "categories">> & {
  categories?: readonly ChildCategoryName[];
  household?: Partial<EligibilityFacts["household"]>;
};

function facts(over: Overrides = {}): EligibilityFacts {
  return {
    dateOfBirth: bornTurning(18),
    hukouStatus: "RURAL",
    hasIdNumber: true,
    schoolStage: "PRIMARY",
    medicalInsurance: "INSURED",
    disabilityType: null,
    disabilityGrade: null,
    hasDisabilityCertificate: false,
    livingArrangement: "GRANDPARENTS",
    ...over,
    categories: [...(over.categories ?? [])],
    household: {
      hasDibao: false,
      hasTekun: false,
      isLowIncome: false,
      fatherStatus: "AT_HOME",
      motherStatus: "AT_HOME",
      anyGuardianCanCare: true,
      ...over.household,
    },
  };
}

const r = (key: string, params?: Record<string, number>): EligibilityReason => (params ? { key, params } : { key });
const age = (n: number) => r("age", { age: n });
const reached = (n: number, limit: number) => r("ageReached", { age: n, limit });

type Row = [label: string, over: Overrides, at: string, eligible: boolean, reasons: EligibilityReason[]];

function table(benefit: BenefitTypeName, rows: Row[]) {
  it.each(rows)("%s", (_label, over, at, eligible, reasons) => {
    expect(evaluateBenefit(benefit, facts(over), todayInChina(new Date(at)))).toEqual({ benefit, eligible, reasons });
  });
}

const orphan = { categories: ["ORPHAN"] } as const;
const deFacto = { categories: ["DE_FACTO_UNSUPPORTED"], household: { fatherStatus: "DEPRIVED_OF_LIBERTY", motherStatus: "MISSING" } } as const;

describe("ORPHAN_ALLOWANCE: an orphan under 18", () => {
  table("ORPHAN_ALLOWANCE", [
    ["an orphan the day before her 18th birthday is eligible: orphan, age 17", orphan, BEFORE, true, [r("category.ORPHAN"), age(17)]],
    ["an orphan on her 18th birthday is not", orphan, BIRTHDAY, false, [reached(18, 18)]],
    ["an orphan of 9 is eligible", { ...orphan, dateOfBirth: bornTurning(9) }, BIRTHDAY, true, [r("category.ORPHAN"), age(9)]],
    ["a child who is not an orphan is not", {}, BEFORE, false, [r("notCategory.ORPHAN")]],
  ]);
});

describe("DE_FACTO_ALLOWANCE: de-facto unsupported under 18 while the parents still qualify", () => {
  table("DE_FACTO_ALLOWANCE", [
    ["eligible the day before the 18th birthday", deFacto, BEFORE, true, [r("category.DE_FACTO_UNSUPPORTED"), r("parentsQualify"), r("notCategory.ORPHAN"), age(17)]],
    ["not on the 18th birthday", deFacto, BIRTHDAY, false, [reached(18, 18)]],
    ["not once the imprisoned father is released (at home again)", { ...deFacto, household: { fatherStatus: "AT_HOME", motherStatus: "MISSING" } }, BEFORE, false, [r("parentsNoLongerQualify")]],
    ["eligible with one parent severely ill and the other dead", { ...deFacto, household: { fatherStatus: "SEVERELY_ILL_OR_DISABLED", motherStatus: "DECEASED" } }, BEFORE, true, [r("category.DE_FACTO_UNSUPPORTED"), r("parentsQualify"), r("notCategory.ORPHAN"), age(17)]],
    ["not for an orphan (she gets the orphan allowance)", { ...deFacto, categories: ["DE_FACTO_UNSUPPORTED", "ORPHAN"] }, BEFORE, false, [r("ownAllowance.ORPHAN")]],
    ["not without the category, even if the parents' statuses fit", { household: deFacto.household }, BEFORE, false, [r("notCategory.DE_FACTO_UNSUPPORTED")]],
  ]);
});

describe("DIBAO: a child under 18 in a household below the line", () => {
  table("DIBAO", [
    ["a low-income household the day before the 18th birthday", { household: { isLowIncome: true } }, BEFORE, true, [r("lowIncome"), r("noTekun"), age(17)]],
    ["not on the 18th birthday", { household: { isLowIncome: true } }, BIRTHDAY, false, [reached(18, 18)]],
    ["the POOR_FAMILY category is enough", { categories: ["POOR_FAMILY"] }, BEFORE, true, [r("category.POOR_FAMILY"), r("noTekun"), age(17)]],
    ["a household already on dibao still qualifies", { household: { hasDibao: true } }, BEFORE, true, [r("dibao"), r("noTekun"), age(17)]],
    ["not for a household supported as tekun", { categories: ["POOR_FAMILY"], household: { hasTekun: true } }, BEFORE, false, [r("tekunInstead")]],
    ["not for an ordinary household", {}, BEFORE, false, [r("notPoor")]],
  ]);
});

describe("TEKUN: under 16, no capable carer, poor, and no allowance of her own", () => {
  const alone = { dateOfBirth: bornTurning(16), household: { anyGuardianCanCare: false, hasDibao: true } } as const;
  table("TEKUN", [
    ["eligible the day before the 16th birthday", alone, BEFORE, true, [r("noCapableCarer"), r("dibao"), r("notCategory.ORPHAN"), r("notCategory.DE_FACTO_UNSUPPORTED"), age(15)]],
    ["not on the 16th birthday", alone, BIRTHDAY, false, [reached(16, 16)]],
    ["not with a guardian able to care", { ...alone, household: { hasDibao: true, anyGuardianCanCare: true } }, BEFORE, false, [r("capableCarer")]],
    ["not in a household that is not poor", { ...alone, household: { anyGuardianCanCare: false } }, BEFORE, false, [r("notPoor")]],
    ["not for an orphan", { ...alone, categories: ["ORPHAN"] }, BEFORE, false, [r("ownAllowance.ORPHAN")]],
    ["not for a de-facto unsupported child", { ...alone, categories: ["DE_FACTO_UNSUPPORTED"] }, BEFORE, false, [r("ownAllowance.DE_FACTO_UNSUPPORTED")]],
  ]);
});

describe("DISABILITY_LIVING_SUBSIDY: a disability certificate in a dibao or tekun household, under 18", () => {
  const certified = { hasDisabilityCertificate: true, disabilityType: "PHYSICAL", disabilityGrade: 3, household: { hasDibao: true } } as const;
  table("DISABILITY_LIVING_SUBSIDY", [
    ["eligible the day before the 18th birthday", certified, BEFORE, true, [r("certificate"), r("dibao"), age(17)]],
    ["not on the 18th birthday", certified, BIRTHDAY, false, [reached(18, 18)]],
    ["a tekun household counts too", { ...certified, household: { hasTekun: true } }, BEFORE, true, [r("certificate"), r("tekun"), age(17)]],
    ["not in a household that is only low-income", { ...certified, household: { isLowIncome: true } }, BEFORE, false, [r("noDibaoOrTekun")]],
    ["not without a certificate", { ...certified, hasDisabilityCertificate: false }, BEFORE, false, [r("noCertificate")]],
  ]);
});

describe("DISABILITY_CARE_SUBSIDY: a certificate of grade 1 or 2, under 18", () => {
  const severe = { hasDisabilityCertificate: true, disabilityType: "INTELLECTUAL", disabilityGrade: 2 } as const;
  table("DISABILITY_CARE_SUBSIDY", [
    ["eligible the day before the 18th birthday", severe, BEFORE, true, [r("certificate"), r("grade", { grade: 2 }), age(17)]],
    ["not on the 18th birthday", severe, BIRTHDAY, false, [reached(18, 18)]],
    ["grade 1 is eligible", { ...severe, disabilityGrade: 1 }, BEFORE, true, [r("certificate"), r("grade", { grade: 1 }), age(17)]],
    ["grade 3 is not", { ...severe, disabilityGrade: 3 }, BEFORE, false, [r("gradeNotSevere", { grade: 3, max: 2 })]],
    ["no recorded grade is not", { ...severe, disabilityGrade: null }, BEFORE, false, [r("noGrade")]],
    ["not without a certificate", { ...severe, hasDisabilityCertificate: false }, BEFORE, false, [r("noCertificate")]],
  ]);
});

describe("CHILD_REHAB_AID: a disabled child aged 0–6 in a poor family", () => {
  const small = { dateOfBirth: bornTurning(7), disabilityType: "HEARING", household: { isLowIncome: true } } as const;
  table("CHILD_REHAB_AID", [
    ["eligible the day before the 7th birthday", small, BEFORE, true, [r("disabilityRecorded"), r("lowIncome"), age(6)]],
    ["not on the 7th birthday", small, BIRTHDAY, false, [reached(7, 7)]],
    ["a certificate counts as a disability", { ...small, disabilityType: null, hasDisabilityCertificate: true }, BEFORE, true, [r("certificate"), r("lowIncome"), age(6)]],
    ["so does the DISABILITY category", { ...small, disabilityType: null, categories: ["DISABILITY"] }, BEFORE, true, [r("category.DISABILITY"), r("lowIncome"), age(6)]],
    ["not without a recorded disability", { ...small, disabilityType: null }, BEFORE, false, [r("noDisability")]],
    ["not in a family that is not poor", { ...small, household: {} }, BEFORE, false, [r("notPoor")]],
  ]);
});

describe("MEDICAL_INSURANCE: not insured, under 18", () => {
  const uninsured = { medicalInsurance: "NOT_INSURED" } as const;
  table("MEDICAL_INSURANCE", [
    ["eligible the day before the 18th birthday", uninsured, BEFORE, true, [r("notInsured"), age(17)]],
    ["not on the 18th birthday", uninsured, BIRTHDAY, false, [reached(18, 18)]],
    ["not when insured", {}, BEFORE, false, [r("insured")]],
    ["not when unknown (missing data, not a gap)", { medicalInsurance: "UNKNOWN" }, BEFORE, false, [r("insuranceUnknown")]],
  ]);
});

describe("EDUCATION_AID: in school, with a need (poor, orphan, de-facto unsupported, disabled), under 18", () => {
  const pupil = { schoolStage: "SENIOR_SECONDARY", household: { isLowIncome: true } } as const;
  table("EDUCATION_AID", [
    ["eligible the day before the 18th birthday", pupil, BEFORE, true, [r("inSchool"), r("lowIncome"), age(17)]],
    ["not on the 18th birthday", pupil, BIRTHDAY, false, [reached(18, 18)]],
    ["an orphan in vocational school is eligible", { schoolStage: "VOCATIONAL", categories: ["ORPHAN"] }, BEFORE, true, [r("inSchool"), r("category.ORPHAN"), age(17)]],
    ["a disabled pupil is eligible", { categories: ["DISABILITY"] }, BEFORE, true, [r("inSchool"), r("category.DISABILITY"), age(17)]],
    ["not out of school", { ...pupil, schoolStage: "OUT_OF_SCHOOL" }, BEFORE, false, [r("notInSchool")]],
    ["not without a need", { schoolStage: "PRIMARY" }, BEFORE, false, [r("noEducationNeed")]],
  ]);
});

describe("HUKOU_REGISTRATION: no hukou, under 18", () => {
  table("HUKOU_REGISTRATION", [
    ["eligible the day before the 18th birthday", { hukouStatus: "NONE", hasIdNumber: false }, BEFORE, true, [r("noHukou"), age(17)]],
    ["not on the 18th birthday", { hukouStatus: "NONE", hasIdNumber: false }, BIRTHDAY, false, [reached(18, 18)]],
    ["the UNREGISTERED category is enough", { categories: ["UNREGISTERED"] }, BEFORE, true, [r("category.UNREGISTERED"), age(17)]],
    ["not with a hukou", {}, BEFORE, false, [r("hasHukou")]],
  ]);
});

describe("SCHOOL_RETURN: out of school in compulsory-education age (6 to 15)", () => {
  const dropout = { schoolStage: "OUT_OF_SCHOOL" } as const;
  table("SCHOOL_RETURN", [
    ["eligible the day before the 16th birthday", { ...dropout, dateOfBirth: bornTurning(16) }, BEFORE, true, [r("outOfSchool"), age(15)]],
    ["not on the 16th birthday", { ...dropout, dateOfBirth: bornTurning(16) }, BIRTHDAY, false, [reached(16, 16)]],
    ["not the day before the 6th birthday", { ...dropout, dateOfBirth: bornTurning(6) }, BEFORE, false, [r("ageUnder", { age: 5, min: 6 })]],
    ["eligible on the 6th birthday", { ...dropout, dateOfBirth: bornTurning(6) }, BIRTHDAY, true, [r("outOfSchool"), age(6)]],
    ["not in school", { dateOfBirth: bornTurning(12) }, BEFORE, false, [r("notOutOfSchool")]],
  ]);
});

describe("evaluateAll", () => {
  it("gives one verdict per benefit, in the catalogue's order", () => {
    expect(evaluateAll(facts(), "2026-03-01").map((v) => v.benefit)).toEqual([...BENEFIT_TYPES]);
  });
});
