"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { markReadSchema } from "@/lib/schemas/notification";
import { markRead } from "@/lib/server/notifications/mutations";

const mark = defineAction(markReadSchema, async (actor, input) => {
  const count = await markRead(actor, input.id === "all" ? "all" : [input.id]);
  revalidatePath("/notifications");
  return { count };
});

export async function markNotificationReadAction(input: unknown) {
  return mark(input);
}
