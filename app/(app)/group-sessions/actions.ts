"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { createGroupSessionSchema } from "@/lib/schemas/group-session";
import { createGroupSession } from "@/lib/server/group-sessions/mutations";

const create = defineAction(createGroupSessionSchema, async (actor, input) => {
  const session = await createGroupSession(actor, input);
  revalidatePath("/group-sessions");
  return session;
});

export async function createGroupSessionAction(input: unknown) {
  const result = await create(input);
  // Outside the wrapper's try/catch: redirect() works by throwing.
  if (result.ok) redirect(`/group-sessions/${result.data.id}`);
  return result;
}
