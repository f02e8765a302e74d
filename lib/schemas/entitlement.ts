import { z } from "zod";
import { BENEFIT_TYPES, ENTITLEMENT_STATUSES } from "@/lib/domain/enums";
import { addMonths, currentMonth, MONTH_PATTERN } from "@/lib/domain/months";
import { optionalText, requestId, version } from "./fields";

/** Benefits started before 2000 are typing slips; a year ahead is as far as a decision looks. */
export const EARLIEST_MONTH = "2000-01";
export function latestMonth(): string {
  return addMonths(currentMonth(), 12);
}

/** "" or a real month (yyyy-MM) between 2000-01 and twelve months from now (Beijing). */
const month = z
  .string()
  .trim()
  .optional()
  .default("")
  .refine((m) => m === "" || MONTH_PATTERN.test(m), { error: "entitlement.errors.month" })
  .refine((m) => m === "" || !MONTH_PATTERN.test(m) || (m >= EARLIEST_MONTH && m <= latestMonth()), { error: "entitlement.errors.monthRange" });

/**
 * The director's application for one benefit of one child. No amount here: it comes from the rates
 * when the county confirms. The justification is required only when the rule says "not eligible"; the
 * data layer decides that, so the form and a hand-made request get the same answer.
 */
export const createApplicationSchema = z.strictObject({
  childId: z.uuid({ error: "errors.notFound" }),
  benefit: z.enum(BENEFIT_TYPES, { error: "entitlement.errors.benefit" }),
  requestId,
  justification: optionalText(500, "entitlement.errors.justificationTooLong"),
  note: optionalText(500, "entitlement.errors.noteTooLong"),
});
export type CreateApplicationInput = z.infer<typeof createApplicationSchema>;

/** One move of the workflow (lib/domain/entitlement-workflow); which of note and month it needs is checked by the data layer. */
export const transitionEntitlementSchema = z.strictObject({
  entitlementId: z.uuid({ error: "errors.notFound" }),
  version,
  to: z.enum(ENTITLEMENT_STATUSES, { error: "entitlement.errors.notAllowed" }),
  note: optionalText(500, "entitlement.errors.noteTooLong"),
  month,
});
export type TransitionEntitlementInput = z.input<typeof transitionEntitlementSchema>;
export type TransitionEntitlementData = z.infer<typeof transitionEntitlementSchema>;
