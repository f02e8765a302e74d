"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { createApplicationSchema, transitionEntitlementSchema } from "@/lib/schemas/entitlement";
import { createApplication } from "@/lib/server/entitlements/create";
import { transitionEntitlement } from "@/lib/server/entitlements/transition";

function revalidateEntitlements(entitlementId: string) {
  revalidatePath(`/entitlements/${entitlementId}`);
  revalidatePath("/entitlements");
  revalidatePath("/entitlements/gaps");
  revalidatePath("/workbench");
  revalidatePath("/township");
  // The child file lists her entitlements (and, for medical insurance, her insurance).
  revalidatePath("/children/[id]", "page");
}

const create = defineAction(createApplicationSchema, async (actor, input) => {
  const result = await createApplication(actor, input);
  revalidateEntitlements(result.entitlementId);
  return result;
});

export async function createApplicationAction(input: unknown) {
  const result = await create(input);
  if (result.ok) redirect(`/entitlements/${result.data.entitlementId}`);
  return result;
}

const transition = defineAction(transitionEntitlementSchema, async (actor, input) => {
  const result = await transitionEntitlement(actor, input);
  revalidateEntitlements(input.entitlementId);
  return result;
});

export async function transitionEntitlementAction(input: unknown) {
  return transition(input);
}
