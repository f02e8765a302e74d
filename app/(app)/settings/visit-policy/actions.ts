"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { visitPolicySchema } from "@/lib/schemas/visit-policy";
import { updateVisitPolicy } from "@/lib/server/visit-policies/mutations";

const update = defineAction(visitPolicySchema, async (actor, input) => {
  const result = await updateVisitPolicy(actor, input);
  revalidatePath("/settings/visit-policy");
  return result;
});

export async function updateVisitPolicyAction(input: unknown) {
  return update(input);
}
