import "server-only";
import type { ChildCategoryName } from "@/lib/domain/categories";
import { categoriesOverAge, suggestCategories, type CategoryFacts } from "@/lib/domain/category-rules";
import { dateValue, isoDate, todayInChina } from "@/lib/domain/dates";
import type { CategoryEntry, CreateChildInput } from "@/lib/schemas/child";
import type { Tx } from "../db";
import { ValidationError } from "../errors";
import type { Actor } from "../session";

type Answers = Omit<CreateChildInput, "householdId" | "confirmDuplicate" | "categories" | "requestId">;

/** What the category rules need from a household row (the same facts the form gets from toHouseholdFacts). */
export const householdFactsSelect = {
  fatherStatus: true,
  motherStatus: true,
  hasDibao: true,
  hasTekun: true,
  isLowIncome: true,
  guardians: { where: { isEntrusted: true, canCare: false }, select: { id: true }, take: 1 },
} as const;

type HouseholdFactsRow = {
  fatherStatus: CategoryFacts["household"]["fatherStatus"];
  motherStatus: CategoryFacts["household"]["motherStatus"];
  hasDibao: boolean;
  hasTekun: boolean;
  isLowIncome: boolean;
  guardians: { id: string }[];
};

/** The categories the saved answers point to: the same function the form runs for its suggestions. */
export function ruleCategories(input: Answers, household: HouseholdFactsRow): ChildCategoryName[] {
  const facts: CategoryFacts = {
    dateOfBirth: input.dateOfBirth,
    hasIdNumber: !input.noId,
    hukouStatus: input.hukouStatus,
    healthStatus: input.healthStatus,
    disabilityType: input.disabilityType || null,
    hasDisabilityCertificate: input.hasDisabilityCertificate,
    livingArrangement: input.livingArrangement,
    household: {
      fatherStatus: household.fatherStatus,
      motherStatus: household.motherStatus,
      hasDibao: household.hasDibao,
      hasTekun: household.hasTekun,
      isLowIncome: household.isLowIncome,
      entrustedGuardianCannotCare: household.guardians.length > 0,
    },
  };
  return suggestCategories(facts, todayInChina()).map((s) => s.category);
}

/** The server's own check of the ticked categories (the form's suggestions are only suggestions). */
export function assertCategoriesFit(categories: CategoryEntry[], dateOfBirth: string) {
  const over = categoriesOverAge(
    categories.map((c) => c.category),
    dateOfBirth,
    todayInChina(),
  );
  if (over.length > 0) throw new ValidationError({ categories: ["registration.errors.categoryOverAge"] });
  if (categories.some((c) => c.startDate < dateOfBirth)) throw new ValidationError({ categories: ["registration.errors.categoryBeforeBirth"] });
}

/** An end date lies between the category's start (and the child's birth) and today (Beijing). */
export function assertEndDatesFit(ending: { endDate: string; startDate: Date }[], dateOfBirth: string) {
  const today = todayInChina();
  for (const e of ending) {
    if (e.endDate > today) throw new ValidationError({ categories: ["registration.errors.categoryFutureEnd"] });
    if (e.endDate < isoDate(e.startDate) || e.endDate < dateOfBirth) throw new ValidationError({ categories: ["registration.errors.categoryEndBeforeStart"] });
  }
}

/** Source RULE only when the rules suggest the category for these answers; the client cannot claim it. */
export async function insertCategories(tx: Tx, actor: Actor, child: { id: string; areaCode: string }, categories: CategoryEntry[], suggested: ChildCategoryName[]) {
  if (categories.length === 0) return;
  await tx.childCategory.createMany({
    data: categories.map((c) => ({
      childId: child.id,
      areaCode: child.areaCode,
      category: c.category,
      startDate: dateValue(c.startDate),
      source: suggested.includes(c.category) ? ("RULE" as const) : ("DIRECTOR" as const),
      recordedById: actor.userId,
    })),
  });
}
