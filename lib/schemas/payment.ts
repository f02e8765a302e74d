import { z } from "zod";
import { BENEFIT_TYPES } from "@/lib/domain/enums";
import { currentMonth, isMonth } from "@/lib/domain/months";
import { hasControlChars, requestId } from "./fields";

/** A county's roster is a few thousand children at most; a larger list is not a form submission. */
export const MAX_ROSTER_ROWS = 20_000;

const month = z
  .string({ error: "payment.errors.month" })
  .refine(isMonth, { error: "payment.errors.month" })
  .refine((m) => m <= currentMonth(), { error: "payment.errors.monthInFuture" });

/** Which roster to prepare: /payments/new?benefit=&month= (the data layer refuses a non-cash benefit). */
export const paymentRosterSchema = z.strictObject({
  benefit: z.enum(BENEFIT_TYPES, { error: "payment.errors.benefit" }),
  month,
});
export type PaymentRosterInput = z.infer<typeof paymentRosterSchema>;

const reason = z
  .string({ error: "payment.errors.reason" })
  .trim()
  .min(1, { error: "payment.errors.reason" })
  .max(200, { error: "payment.errors.reasonTooLong" })
  .refine((s) => !hasControlChars(s), { error: "payment.errors.reason" });

/** One month of one benefit: every roster row is paid except the listed exceptions, each with its reason. */
export const recordPaymentsSchema = paymentRosterSchema.extend({
  requestId,
  exceptions: z
    .array(z.strictObject({ entitlementId: z.uuid({ error: "errors.notFound" }), reason }))
    .max(MAX_ROSTER_ROWS)
    .refine((list) => new Set(list.map((e) => e.entitlementId)).size === list.length, { error: "payment.errors.duplicateException" }),
  // The roster as the officer saw it: the server pays only that list at that total, or refuses (it changed).
  expected: z.strictObject({
    entitlementIds: z.array(z.uuid({ error: "errors.notFound" })).max(MAX_ROSTER_ROWS),
    totalFen: z.int().min(0),
  }),
});
export type RecordPaymentsInput = z.infer<typeof recordPaymentsSchema>;

/** The roster export's file type: ?format=csv|xlsx. */
export const exportFormatSchema = z.enum(["csv", "xlsx"]);
export type ExportFormat = z.infer<typeof exportFormatSchema>;
