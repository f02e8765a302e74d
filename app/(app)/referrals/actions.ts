"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { createReferralSchema, transitionReferralSchema, updateReferralSchema } from "@/lib/schemas/referral";
import { createReferral, updateReferral } from "@/lib/server/referrals/mutations";
import { transitionReferral } from "@/lib/server/referrals/transition";

function revalidateReferral(referralId: string) {
  revalidatePath(`/referrals/${referralId}`);
  revalidatePath("/referrals");
  revalidatePath("/township");
  revalidatePath("/workbench");
  // The child file lists its referrals with their status.
  revalidatePath("/children/[id]", "page");
}

const transition = defineAction(transitionReferralSchema, async (actor, input) => {
  const result = await transitionReferral(actor, input);
  revalidateReferral(input.referralId);
  return result;
});

export async function transitionReferralAction(input: unknown) {
  return transition(input);
}

const create = defineAction(createReferralSchema, async (actor, input) => {
  const result = await createReferral(actor, input);
  revalidatePath("/referrals");
  revalidatePath(`/children/${input.childId}`);
  return result;
});

export async function createReferralAction(input: unknown) {
  const result = await create(input);
  if (result.ok) redirect(`/referrals/${result.data.referralId}`);
  return result;
}

const update = defineAction(updateReferralSchema, async (actor, input) => {
  const result = await updateReferral(actor, input);
  revalidateReferral(input.referralId);
  return result;
});

export async function updateReferralAction(input: unknown) {
  return update(input);
}
