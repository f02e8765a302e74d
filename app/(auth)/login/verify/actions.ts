"use server";
import { defineStepAction } from "@/lib/auth/define-step-action";
import { secondFactorCodeSchema } from "@/lib/schemas/auth";
import { verifySecondFactor } from "@/lib/server/auth/second-factor";

export const verifySecondFactorAction = defineStepAction(secondFactorCodeSchema, async (holder, input) => {
  await verifySecondFactor(holder, input.code);
  return { verified: true };
});
