import { z } from "zod";
import { MAX_INTERVAL_DAYS, MIN_INTERVAL_DAYS } from "@/lib/domain/visit-policy";

const interval = z.coerce
  .number({ error: "visitPolicy.errors.interval" })
  .int({ error: "visitPolicy.errors.interval" })
  .min(MIN_INTERVAL_DAYS, { error: "visitPolicy.errors.interval" })
  .max(MAX_INTERVAL_DAYS, { error: "visitPolicy.errors.interval" });

export const visitPolicySchema = z.strictObject({
  version: z.coerce.number().int().min(0).max(2_147_483_647),
  RED: interval,
  YELLOW: interval,
  BLUE: interval,
  GREEN: interval,
});

export type VisitPolicyInput = z.infer<typeof visitPolicySchema>;
