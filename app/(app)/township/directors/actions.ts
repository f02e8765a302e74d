"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { createDirectorSchema, directorRefSchema, replaceDirectorSchema } from "@/lib/schemas/user";
import { createDirector, deactivateDirector, reactivateDirector, replaceDirector, resetDirectorPassword } from "@/lib/server/users/director-mutations";

// No redirect: the temporary password is shown once, on the page that made it.

const create = defineAction(createDirectorSchema, async (actor, input) => {
  const account = await createDirector(actor, input);
  revalidatePath("/township/directors");
  revalidatePath("/township");
  return account;
});
export async function createDirectorAction(input: unknown) {
  return create(input);
}

const replace = defineAction(replaceDirectorSchema, async (actor, input) => {
  const account = await replaceDirector(actor, input);
  revalidatePath("/township/directors");
  revalidatePath("/township");
  return account;
});
export async function replaceDirectorAction(input: unknown) {
  return replace(input);
}

const deactivate = defineAction(directorRefSchema, async (actor, input) => {
  await deactivateDirector(actor, input);
  revalidatePath("/township/directors");
  revalidatePath("/township");
  return { userId: input.userId };
});
export async function deactivateDirectorAction(input: unknown) {
  return deactivate(input);
}

const reactivate = defineAction(directorRefSchema, async (actor, input) => {
  await reactivateDirector(actor, input);
  revalidatePath("/township/directors");
  return { userId: input.userId };
});
export async function reactivateDirectorAction(input: unknown) {
  return reactivate(input);
}

const reset = defineAction(directorRefSchema, async (actor, input) => {
  const result = await resetDirectorPassword(actor, input);
  revalidatePath("/township/directors");
  return result;
});
export async function resetDirectorPasswordAction(input: unknown) {
  return reset(input);
}
