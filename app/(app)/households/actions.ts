"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { createChildSchema, duplicateCheckSchema } from "@/lib/schemas/child";
import { householdSchema, updateHouseholdSchema } from "@/lib/schemas/household";
import { findLikelyDuplicates } from "@/lib/server/children/duplicates";
import { createChild } from "@/lib/server/children/registration";
import { createHousehold, updateHousehold } from "@/lib/server/households/mutations";

const create = defineAction(householdSchema, (actor, input) => createHousehold(actor, input));
const update = defineAction(updateHouseholdSchema, async (actor, input) => {
  const result = await updateHousehold(actor, input);
  revalidatePath(`/households/${result.id}`);
  return result;
});
const register = defineAction(createChildSchema, async (actor, input) => {
  const result = await createChild(actor, input);
  revalidatePath(`/households/${input.householdId}`);
  revalidatePath("/workbench");
  return result;
});
const check = defineAction(duplicateCheckSchema, (actor, input) => findLikelyDuplicates(actor, input));

export async function createHouseholdAction(input: unknown) {
  const result = await create(input);
  if (result.ok) redirect(`/households/${result.data.id}`);
  return result;
}

export async function updateHouseholdAction(input: unknown) {
  const result = await update(input);
  if (result.ok) redirect(`/households/${result.data.id}`);
  return result;
}

/** Registers a child; on success the director lands on the new file (which shows any urgent report). */
export async function createChildAction(input: unknown) {
  const result = await register(input);
  if (result.ok) redirect(`/children/${result.data.childId}`);
  return result;
}

/** Run by the form before the final save: same ID (refused) and likely duplicates (to confirm). */
export async function checkDuplicatesAction(input: unknown) {
  return check(input);
}
