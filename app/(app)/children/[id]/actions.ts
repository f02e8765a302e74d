"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { recordVisitSchema } from "@/lib/schemas/visit";
import { recordVisit } from "@/lib/server/children/mutations";

const record = defineAction(recordVisitSchema, async (actor, input) => {
  const result = await recordVisit(actor, input);
  revalidatePath(`/children/${input.childId}`);
  revalidatePath("/workbench");
  return result;
});

export async function recordVisitAction(input: unknown) {
  return record(input);
}
