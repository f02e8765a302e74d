import { fakerZH_CN as faker } from "@faker-js/faker";
import type { ChildCategoryName, RiskLevelName } from "@/lib/domain/categories";
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
