"use server";
import { defineStepAction } from "@/lib/auth/define-step-action";
import { secondFactorCodeSchema } from "@/lib/schemas/auth";
import { confirmTotpEnrolment } from "@/lib/server/auth/second-factor";

// The recovery codes travel back once, to be shown once; only their keyed hashes are stored.
export const confirmTwoFactorAction = defineStepAction(secondFactorCodeSchema, async (holder, input) => {
  return { recoveryCodes: await confirmTotpEnrolment(holder, input.code) };
});
