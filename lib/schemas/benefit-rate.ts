import { z } from "zod";
import { BENEFIT_TYPES } from "@/lib/domain/enums";
import { parseYuan } from "@/lib/domain/money";
import { addMonths, currentMonth, isMonth } from "@/lib/domain/months";

/** How far back a new amount may start: a year, to correct a late-announced change, not to rewrite history. */
export const RATE_MONTHS_BACK = 12;
/** How far ahead: an announced rise may be entered in advance. */
export const RATE_MONTHS_AHEAD = 12;

/** A county or province sets a cash benefit's monthly amount for its area from a month on (yyyy-MM). */
export const benefitRateSchema = z.strictObject({
  benefit: z.enum(BENEFIT_TYPES, { error: "payment.rates.errors.benefit" }),
  month: z
    .string({ error: "payment.rates.errors.month" })
    .refine(isMonth, { error: "payment.rates.errors.month" })
    .refine((m) => m >= addMonths(currentMonth(), -RATE_MONTHS_BACK), { error: "payment.rates.errors.monthTooEarly" })
    .refine((m) => m <= addMonths(currentMonth(), RATE_MONTHS_AHEAD), { error: "payment.rates.errors.monthTooLate" }),
  amountYuan: z.string({ error: "payment.rates.errors.amount" }).refine((s) => parseYuan(s) !== null, { error: "payment.rates.errors.amount" }),
});
export type BenefitRateInput = z.infer<typeof benefitRateSchema>;
