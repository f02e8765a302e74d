"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { benefitRateSchema } from "@/lib/schemas/benefit-rate";
import { setBenefitRate } from "@/lib/server/benefits/set-rate";

const set = defineAction(benefitRateSchema, async (actor, input) => {
  const result = await setBenefitRate(actor, input);
  revalidatePath("/settings/benefits");
  revalidatePath("/payments/new");
  return result;
});

export async function setBenefitRateAction(input: unknown) {
  return set(input);
}
