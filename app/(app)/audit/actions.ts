"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { verifyChainSchema } from "@/lib/schemas/audit";
import { verifyRecentChain } from "@/lib/server/audit-events/chain";

export const verifyChainAction = defineAction(verifyChainSchema, async (actor) => {
  const check = await verifyRecentChain(actor);
  revalidatePath("/audit");
  return check;
});
