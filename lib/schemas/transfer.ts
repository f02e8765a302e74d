import { z } from "zod";
import { hasControlChars, optionalText, version } from "./fields";

/** A move to another village: any village of the country, picked by the area search (12-digit code). */
export const requestTransferSchema = z.strictObject({
  childId: z.uuid({ error: "errors.notFound" }),
  toAreaCode: z.string({ error: "transfer.errors.destination" }).regex(/^\d{12}$/, { error: "transfer.errors.destination" }),
  reason: z
    .string({ error: "transfer.errors.reason" })
    .trim()
    .min(1, { error: "transfer.errors.reason" })
    .max(200, { error: "transfer.errors.reason" })
    .refine((s) => !hasControlChars(s), { error: "transfer.errors.reason" }),
});
export type RequestTransferInput = z.infer<typeof requestTransferSchema>;

/** The receiving supervisor's decision; a rejection says why. */
export const decideTransferSchema = z
  .strictObject({
    transferId: z.uuid({ error: "errors.notFound" }),
    version,
    decision: z.enum(["ACCEPT", "REJECT"], { error: "errors.validation" }),
    note: optionalText(200, "transfer.errors.note"),
  })
  .refine((v) => v.decision === "ACCEPT" || v.note !== "", { path: ["note"], error: "transfer.errors.noteRequired" });
export type DecideTransferInput = z.infer<typeof decideTransferSchema>;

/** The sending director withdraws a request that nobody has decided yet. */
export const cancelTransferSchema = z.strictObject({
  transferId: z.uuid({ error: "errors.notFound" }),
  version,
});
export type CancelTransferInput = z.infer<typeof cancelTransferSchema>;

/** The area picker's query: a few characters of a village's name. */
export const villageSearchSchema = z.strictObject({
  q: z.string().trim().min(1).max(30).refine((s) => !hasControlChars(s)),
});
