"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { recordPaymentsSchema } from "@/lib/schemas/payment";
import { recordPayments } from "@/lib/server/payments/record";

const record = defineAction(recordPaymentsSchema, async (actor, input) => {
  const batch = await recordPayments(actor, input);
  revalidatePath("/payments");
  return batch;
});

export async function recordPaymentsAction(input: unknown) {
  const result = await record(input);
  // Outside the wrapper's try/catch: redirect() works by throwing.
  if (result.ok) redirect(`/payments/${result.data.id}`);
  return result;
}
