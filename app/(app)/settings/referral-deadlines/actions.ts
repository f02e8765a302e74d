"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { referralDeadlineSchema } from "@/lib/schemas/referral";
import { updateReferralDeadline } from "@/lib/server/referral-deadlines/mutations";

const update = defineAction(referralDeadlineSchema, async (actor, input) => {
  const result = await updateReferralDeadline(actor, input);
  revalidatePath("/settings/referral-deadlines");
  return result;
});

export async function updateReferralDeadlineAction(input: unknown) {
  return update(input);
}
