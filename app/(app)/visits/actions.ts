"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { recordVisitSchema, referralDraftSchema, updateVisitSchema } from "@/lib/schemas/visit";
import { createReferralDraftFromNeed } from "@/lib/server/referrals/drafts";
import { recordVisit, updateVisit } from "@/lib/server/visits/mutations";

function revalidateChild(childId: string) {
  revalidatePath(`/children/${childId}`);
  revalidatePath("/workbench");
  // A mandatory report shows on the township page and the county dashboard at once.
  revalidatePath("/township");
  revalidatePath("/dashboard");
}

const record = defineAction(recordVisitSchema, async (actor, input) => {
  const result = await recordVisit(actor, input);
  revalidateChild(input.childId);
  return result;
});

export async function recordVisitAction(input: unknown) {
  return record(input);
}

const update = defineAction(updateVisitSchema, async (actor, input) => updateVisit(actor, input));

export async function updateVisitAction(input: unknown) {
  const result = await update(input);
  if (result.ok) revalidateChild(result.data.childId);
  return result;
}

const draft = defineAction(referralDraftSchema, async (actor, input) => createReferralDraftFromNeed(actor, input));

export async function createReferralDraftAction(input: unknown) {
  const result = await draft(input);
  if (result.ok) revalidatePath("/children/[id]", "page");
  return result;
}
