"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { closeFileSchema, reopenFileSchema, updateChildSchema } from "@/lib/schemas/child";
import { closeChildFile, reopenChildFile } from "@/lib/server/children/mutations";
import { updateChild } from "@/lib/server/children/registration";

const update = defineAction(updateChildSchema, async (actor, input) => {
  const result = await updateChild(actor, input);
  revalidatePath(`/children/${input.childId}`);
  revalidatePath("/workbench");
  return result;
});

export async function updateChildAction(input: unknown) {
  const result = await update(input);
  if (result.ok) redirect(`/children/${result.data.childId}`);
  return result;
}

const close = defineAction(closeFileSchema, async (actor, input) => {
  await closeChildFile(actor, input);
  revalidatePath(`/children/${input.childId}`);
  revalidatePath("/workbench");
  return { childId: input.childId };
});

export async function closeChildFileAction(input: unknown) {
  return close(input);
}

const reopen = defineAction(reopenFileSchema, async (actor, input) => {
  await reopenChildFile(actor, input);
  revalidatePath(`/children/${input.childId}`);
  revalidatePath("/workbench");
  return { childId: input.childId };
});

export async function reopenChildFileAction(input: unknown) {
  return reopen(input);
}
