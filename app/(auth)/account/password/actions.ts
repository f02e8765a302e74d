"use server";
import { defineStepAction } from "@/lib/auth/define-step-action";
import { changePasswordSchema } from "@/lib/schemas/auth";
import { changeOwnPassword } from "@/lib/server/auth/change-password";

// Success ends every session; the form then signs out locally and shows the login page with a notice.
export const changePasswordAction = defineStepAction(changePasswordSchema, async (holder, input) => {
  await changeOwnPassword(holder, { currentPassword: input.currentPassword, newPassword: input.newPassword });
  return { changed: true };
});
