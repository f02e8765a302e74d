import { fakerZH_CN as faker } from "@faker-js/faker";
import type { ChildCategoryName, RiskLevelName } from "@/lib/domain/categories";
import type { BenefitTypeName, DISABILITY_TYPES, ParentStatusName } from "@/lib/domain/enums";
import type { MakeChildInput } from "@/tests/factories/children";

export type DemoProfile = Omit<MakeChildInput, "village"> & { categories: { category: ChildCategoryName }[]; riskLevel: RiskLevelName | null };

// Shares close to the pilot's caseload: mostly left-behind children, then poverty and disability.
const KINDS: { weight: number; make: () => DemoProfile }[] = [
  {
    weight: 45,
    make: () => ({
      categories: [{ category: "LEFT_BEHIND" }],
      livingArrangement: "GRANDPARENTS",
      household: { fatherStatus: "WORKING_AWAY", fatherWhereabouts: "广东省东莞市", motherStatus: "WORKING_AWAY", motherWhereabouts: "浙江省温州市" },
      guardian: { relationship: "祖母", isEntrusted: true, confirmationSignedOn: faker.helpers.maybe(() => "2025-02-10", { probability: 0.7 }) ?? null },
      riskLevel: faker.helpers.weightedArrayElement([{ value: "GREEN", weight: 5 }, { value: "BLUE", weight: 3 }, { value: "YELLOW", weight: 2 }]),
    }),
  },
  {
    weight: 15,
    make: () => ({
      categories: [{ category: "POOR_FAMILY" }],
      household: { hasDibao: true },
      livingArrangement: "BOTH_PARENTS",
      guardian: { relationship: "母亲" },
      riskLevel: "BLUE",
    }),
  },
  {
    weight: 10,
    make: () => ({
      categories: [{ category: "DISABILITY" }, { category: "POOR_FAMILY" }],
      household: { hasDibao: true },
      livingArrangement: "ONE_PARENT",
      guardian: { relationship: "母亲" },
      riskLevel: "YELLOW",
    }),
  },
  {
    weight: 6,
    make: () => ({
      categories: [{ category: "ORPHAN" }],
      household: { fatherStatus: "DECEASED", motherStatus: "DECEASED" },
      livingArrangement: "OTHER_RELATIVES",
      guardian: { relationship: "伯父" },
      riskLevel: "YELLOW",
    }),
  },
  {
    weight: 6,
    make: () => ({
      categories: [{ category: "DE_FACTO_UNSUPPORTED" }],
      household: { fatherStatus: "DEPRIVED_OF_LIBERTY", fatherWhereabouts: "省第二监狱", motherStatus: "MISSING" },
      livingArrangement: "GRANDPARENTS",
      guardian: { relationship: "祖父" },
      riskLevel: "RED",
    }),
  },
  {
    weight: 5,
    make: () => ({ categories: [{ category: "UNREGISTERED" }], hasIdNumber: false, household: { fatherStatus: "WORKING_AWAY", fatherWhereabouts: "广东省深圳市" }, livingArrangement: "ONE_PARENT", guardian: { relationship: "母亲" }, riskLevel: "YELLOW", schoolStage: "NOT_YET" }),
  },
  { weight: 4, make: () => ({ categories: [{ category: "SERIOUS_ILLNESS" }], livingArrangement: "BOTH_PARENTS", guardian: { relationship: "父亲" }, riskLevel: "YELLOW" }) },
  {
    weight: 3,
    make: () => ({ categories: [{ category: "GUARDIANSHIP" }], livingArrangement: "OTHER_RELATIVES", guardian: { relationship: "姑母", canCare: false }, riskLevel: "RED" }),
  },
  { weight: 3, make: () => ({ categories: [{ category: "MIGRANT" }], livingArrangement: "BOTH_PARENTS", guardian: { relationship: "父亲" }, riskLevel: "GREEN" }) },
  { weight: 2, make: () => ({ categories: [{ category: "HIV_AFFECTED" }, { category: "POOR_FAMILY" }], livingArrangement: "ONE_PARENT", guardian: { relationship: "母亲" }, riskLevel: "YELLOW" }) },
  { weight: 1, make: () => ({ categories: [{ category: "LEFT_BEHIND" }], household: { fatherStatus: "WORKING_AWAY", fatherWhereabouts: "江苏省苏州市", motherStatus: "WORKING_AWAY", motherWhereabouts: "江苏省苏州市" }, livingArrangement: "ALONE", guardian: { relationship: "祖父" }, riskLevel: "RED", schoolStage: "OUT_OF_SCHOOL" }) },
];

export function demoProfile(index: number): DemoProfile {
  const kind = faker.helpers.weightedArrayElement(KINDS.map((k) => ({ value: k, weight: k.weight })));
  const profile = kind.make();
  // Every fourth child is due or overdue for a visit, so work lists have something to show.
  const offset = index % 4 === 0 ? -faker.number.int({ min: 1, max: 30 }) : faker.number.int({ min: 1, max: 60 });
  return { ...profile, nextVisitOn: relativeDay(offset) };
}

function relativeDay(offset: number): string {
  const date = new Date(faker.defaultRefDate().getTime() + offset * 86_400_000);
  return date.toISOString().slice(0, 10);
}

type NamedApplication = {
  type: BenefitTypeName;
  status: "RETURNED" | "CONFIRMED" | "RECEIVING" | "DENIED";
  /** Days before the seed day that the director applied. */
  appliedDaysAgo: number;
  note?: string;
};

/**
 * Children in the demo village with exactly known facts, so that their benefit gaps and review tasks can be
 * checked by hand (tests/integration/demo-gaps.test.ts holds the expectation and says why for each).
 * `file` is what insertChild cannot set; `later` is what changed in the file after the applications.
 */
export type NamedProfile = Omit<MakeChildInput, "village" | "dateOfBirth"> & {
  name: string;
  /** Age on the seed day and days since the last birthday (negative: the birthday is that many days ahead). */
  age: number;
  sinceBirthday: number;
  file?: {
    medicalInsurance?: "INSURED" | "NOT_INSURED" | "UNKNOWN";
    disabilityType?: (typeof DISABILITY_TYPES)[number];
    disabilityGrade?: number;
    hasDisabilityCertificate?: boolean;
  };
  lowIncome?: boolean;
  applications?: NamedApplication[];
  later?: { fatherStatus?: ParentStatusName; fatherWhereabouts?: string | null };
};

const SINCE = "2024-01-01";
const orphanHome = { fatherStatus: "DECEASED", motherStatus: "DECEASED" } as const;

export const NAMED_PROFILES: NamedProfile[] = [
  {
    name: "陈思远",
    sex: "MALE",
    age: 9,
    sinceBirthday: 120,
    categories: [{ category: "ORPHAN", startDate: SINCE }],
    household: orphanHome,
    livingArrangement: "OTHER_RELATIVES",
    guardian: { relationship: "伯父" },
    schoolStage: "PRIMARY",
    file: { medicalInsurance: "INSURED" },
  },
  {
    name: "周子涵",
    sex: "FEMALE",
    age: 6,
    sinceBirthday: 90,
    categories: [{ category: "DISABILITY", startDate: SINCE }, { category: "POOR_FAMILY", startDate: SINCE }],
    household: { hasDibao: true },
    livingArrangement: "BOTH_PARENTS",
    guardian: { relationship: "母亲" },
    schoolStage: "PRIMARY",
    file: { medicalInsurance: "INSURED", disabilityType: "PHYSICAL", disabilityGrade: 2, hasDisabilityCertificate: true },
  },
  {
    name: "吴浩然",
    sex: "MALE",
    age: 11,
    sinceBirthday: 200,
    categories: [{ category: "DE_FACTO_UNSUPPORTED", startDate: SINCE }],
    household: { fatherStatus: "DEPRIVED_OF_LIBERTY", fatherWhereabouts: "省第二监狱", motherStatus: "MISSING" },
    livingArrangement: "GRANDPARENTS",
    guardian: { relationship: "祖母" },
    schoolStage: "PRIMARY",
    file: { medicalInsurance: "INSURED" },
    applications: [{ type: "DE_FACTO_ALLOWANCE", status: "RECEIVING", appliedDaysAgo: 200 }],
    // Released last month and back home: the director updated the household, the allowance still runs.
    later: { fatherStatus: "AT_HOME", fatherWhereabouts: null },
  },
  {
    name: "郑小军",
    sex: "MALE",
    age: 12,
    sinceBirthday: 60,
    categories: [{ category: "LEFT_BEHIND", startDate: SINCE }],
    household: { fatherStatus: "WORKING_AWAY", fatherWhereabouts: "广东省佛山市", motherStatus: "WORKING_AWAY", motherWhereabouts: "广东省佛山市" },
    livingArrangement: "GRANDPARENTS",
    guardian: { relationship: "祖父", isEntrusted: true, confirmationSignedOn: "2025-03-01" },
    schoolStage: "OUT_OF_SCHOOL",
    file: { medicalInsurance: "INSURED" },
  },
  {
    name: "孙雅琪",
    sex: "FEMALE",
    age: 17,
    sinceBirthday: -1,
    categories: [{ category: "ORPHAN", startDate: SINCE }],
    household: orphanHome,
    livingArrangement: "OTHER_RELATIVES",
    guardian: { relationship: "姑母" },
    schoolStage: "SENIOR_SECONDARY",
    file: { medicalInsurance: "INSURED" },
    applications: [
      { type: "ORPHAN_ALLOWANCE", status: "RECEIVING", appliedDaysAgo: 300 },
      { type: "EDUCATION_AID", status: "CONFIRMED", appliedDaysAgo: 70 },
    ],
  },
  {
    name: "林晨曦",
    sex: "FEMALE",
    age: 18,
    sinceBirthday: 7,
    categories: [{ category: "ORPHAN", startDate: SINCE }],
    household: orphanHome,
    livingArrangement: "OTHER_RELATIVES",
    guardian: { relationship: "舅舅" },
    schoolStage: "SENIOR_SECONDARY",
    file: { medicalInsurance: "INSURED" },
    applications: [{ type: "ORPHAN_ALLOWANCE", status: "RECEIVING", appliedDaysAgo: 330 }],
  },
  {
    name: "黄梓萱",
    sex: "FEMALE",
    age: 4,
    sinceBirthday: 150,
    hasIdNumber: false,
    categories: [{ category: "UNREGISTERED", startDate: SINCE }],
    household: { fatherStatus: "WORKING_AWAY", fatherWhereabouts: "浙江省宁波市" },
    livingArrangement: "ONE_PARENT",
    guardian: { relationship: "母亲" },
    schoolStage: "NOT_YET",
    file: { medicalInsurance: "NOT_INSURED" },
  },
  {
    name: "马一鸣",
    sex: "MALE",
    age: 3,
    sinceBirthday: 40,
    categories: [{ category: "DE_FACTO_UNSUPPORTED", startDate: SINCE }],
    household: { fatherStatus: "DEPRIVED_OF_LIBERTY", fatherWhereabouts: "省第一监狱", motherStatus: "MISSING" },
    livingArrangement: "GRANDPARENTS",
    guardian: { relationship: "祖母" },
    schoolStage: "NOT_YET",
    file: { medicalInsurance: "INSURED" },
    applications: [{ type: "DE_FACTO_ALLOWANCE", status: "RETURNED", appliedDaysAgo: 9, note: "缺少父亲服刑的证明（判决书或监狱出具的在押证明），请补充后重新提交。" }],
  },
  {
    name: "赵欣怡",
    sex: "FEMALE",
    age: 8,
    sinceBirthday: 30,
    categories: [{ category: "POOR_FAMILY", startDate: SINCE }],
    livingArrangement: "BOTH_PARENTS",
    guardian: { relationship: "母亲" },
    schoolStage: "PRIMARY",
    file: { medicalInsurance: "INSURED" },
    lowIncome: true,
    applications: [{ type: "DIBAO", status: "DENIED", appliedDaysAgo: 60, note: "经家庭经济状况核对，家庭人均收入高于本县低保标准。" }],
  },
];
