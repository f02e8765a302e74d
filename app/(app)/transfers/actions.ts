"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { cancelTransferSchema, decideTransferSchema, requestTransferSchema } from "@/lib/schemas/transfer";
import { cancelTransfer, decideTransfer, requestTransfer } from "@/lib/server/transfers/mutations";

const request = defineAction(requestTransferSchema, async (actor, input) => {
  const result = await requestTransfer(actor, input);
  revalidatePath("/transfers");
  revalidatePath(`/children/${input.childId}`);
  return result;
});

export async function requestTransferAction(input: unknown) {
  const result = await request(input);
  if (result.ok) redirect(`/transfers/${result.data.transferId}`);
  return result;
}

const decide = defineAction(decideTransferSchema, async (actor, input) => {
  await decideTransfer(actor, input);
  revalidatePath("/transfers");
  revalidatePath(`/transfers/${input.transferId}`);
  revalidatePath("/children", "layout");
  revalidatePath("/workbench");
  return { transferId: input.transferId };
});

export async function decideTransferAction(input: unknown) {
  return decide(input);
}

const cancel = defineAction(cancelTransferSchema, async (actor, input) => {
  await cancelTransfer(actor, input);
  revalidatePath("/transfers");
  revalidatePath(`/transfers/${input.transferId}`);
  revalidatePath("/children", "layout");
  return { transferId: input.transferId };
});

export async function cancelTransferAction(input: unknown) {
  return cancel(input);
}
