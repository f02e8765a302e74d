"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { hivAccessSchema, updateUserSchema, userRefSchema } from "@/lib/schemas/admin-user";
import {
  deactivateUser,
  endUserSessions,
  reactivateUser,
  resetSecondFactor,
  resetUserPassword,
  setHivAccess,
  unlockUser,
  updateUserProfile,
} from "@/lib/server/users/admin-mutations";

function refresh(userId: string) {
  revalidatePath("/admin/users");
  revalidatePath(`/admin/users/${userId}`);
  return { userId };
}

const profile = defineAction(updateUserSchema, async (actor, input) => {
  await updateUserProfile(actor, input);
  return refresh(input.userId);
});
export async function updateUserProfileAction(input: unknown) {
  return profile(input);
}

const deactivate = defineAction(userRefSchema, async (actor, input) => {
  await deactivateUser(actor, input);
  return refresh(input.userId);
});
export async function deactivateUserAction(input: unknown) {
  return deactivate(input);
}

const reactivate = defineAction(userRefSchema, async (actor, input) => {
  await reactivateUser(actor, input);
  return refresh(input.userId);
});
export async function reactivateUserAction(input: unknown) {
  return reactivate(input);
}

// The new temporary password goes back to the page once; it is stored nowhere readable.
const resetPassword = defineAction(userRefSchema, async (actor, input) => {
  const result = await resetUserPassword(actor, input);
  refresh(input.userId);
  return result;
});
export async function resetUserPasswordAction(input: unknown) {
  return resetPassword(input);
}

const endSessions = defineAction(userRefSchema, async (actor, input) => {
  await endUserSessions(actor, input);
  return refresh(input.userId);
});
export async function endUserSessionsAction(input: unknown) {
  return endSessions(input);
}

const resetFactor = defineAction(userRefSchema, async (actor, input) => {
  await resetSecondFactor(actor, input);
  return refresh(input.userId);
});
export async function resetSecondFactorAction(input: unknown) {
  return resetFactor(input);
}

const unlock = defineAction(userRefSchema, async (actor, input) => {
  await unlockUser(actor, input);
  return refresh(input.userId);
});
export async function unlockUserAction(input: unknown) {
  return unlock(input);
}

const hiv = defineAction(hivAccessSchema, async (actor, input) => {
  await setHivAccess(actor, input);
  return refresh(input.userId);
});
export async function setHivAccessAction(input: unknown) {
  return hiv(input);
}
