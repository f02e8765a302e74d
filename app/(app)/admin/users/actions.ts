"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { createUserSchema } from "@/lib/schemas/admin-user";
import { createUser } from "@/lib/server/users/admin-create";

// No redirect: the temporary password is shown once, on the page that made it.
const create = defineAction(createUserSchema, async (actor, input) => {
  const account = await createUser(actor, input);
  revalidatePath("/admin/users");
  return account;
});
export async function createUserAction(input: unknown) {
  return create(input);
}
