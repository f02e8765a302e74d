import type { PendingStep } from "@/lib/server/session";

/** Where a session owing a step is sent (requireActor, the login page, "/"). */
export const STEP_PAGES: Record<PendingStep, string> = {
  verifySecondFactor: "/login/verify",
  changePassword: "/account/password",
  enrolSecondFactor: "/account/two-factor",
};
