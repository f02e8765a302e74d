import { z } from "zod";
import { hasControlChars, optionalText, version } from "./fields";

export const acknowledgeReportSchema = z.strictObject({
  reportId: z.uuid({ error: "errors.notFound" }),
  version,
});

export type AcknowledgeReportInput = z.infer<typeof acknowledgeReportSchema>;

/** A phone's clock may run a little fast: a time up to this far ahead still counts as "now". */
export const CLOCK_SKEW_MS = 5 * 60_000;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * An <input type="datetime-local"> value ("yyyy-MM-ddTHH:mm") read as Beijing time. China has kept
 * UTC+8 all year since 1991, so a fixed offset is exact.
 */
export function beijingDateTime(value: string): Date {
  return new Date(`${value}:00+08:00`);
}

export function isFutureTime(value: string, now: Date = new Date()): boolean {
  return beijingDateTime(value).getTime() > now.getTime() + CLOCK_SKEW_MS;
}

const requiredText = (max: number, error: string) =>
  z
    .string({ error })
    .trim()
    .min(1, { error })
    .max(max, { error })
    .refine((s) => !hasControlChars(s), { error });

const policeTime = z
  .string()
  .refine((s) => DATE_TIME.test(s) && !Number.isNaN(beijingDateTime(s).getTime()), { error: "mandatoryReport.errors.policeTime" })
  .refine((s) => !isFutureTime(s), { error: "mandatoryReport.errors.policeTimeFuture" });

/** When the police were told (报警), by whom, and their case number if any. */
const policeFields = {
  policeInformedBy: requiredText(100, "mandatoryReport.errors.policeBy"),
  policeInformedAt: policeTime,
  policeReference: optionalText(100, "mandatoryReport.errors.policeReference"),
};

export const recordPoliceSchema = z.strictObject({ reportId: z.uuid({ error: "errors.notFound" }), version, ...policeFields });
export type RecordPoliceInput = z.infer<typeof recordPoliceSchema>;

/** A report raised directly (not from a visit): the police fields are optional, but "by" and "time" go together. */
export const createReportSchema = z
  .strictObject({
    childId: z.uuid({ error: "errors.notFound" }),
    description: requiredText(2000, "mandatoryReport.errors.description"),
    policeInformedBy: optionalText(100, "mandatoryReport.errors.policeBy"),
    policeInformedAt: z.union([z.literal(""), policeTime]).optional().default(""),
    policeReference: optionalText(100, "mandatoryReport.errors.policeReference"),
  })
  .superRefine((input, ctx) => {
    const told = input.policeInformedBy !== "" || input.policeInformedAt !== "" || input.policeReference !== "";
    if (told && input.policeInformedBy === "") ctx.addIssue({ code: "custom", path: ["policeInformedBy"], message: "mandatoryReport.errors.policeBy" });
    if (told && input.policeInformedAt === "") ctx.addIssue({ code: "custom", path: ["policeInformedAt"], message: "mandatoryReport.errors.policeTime" });
  });
export type CreateReportInput = z.infer<typeof createReportSchema>;

export const closeReportSchema = z.strictObject({
  reportId: z.uuid({ error: "errors.notFound" }),
  version,
  note: requiredText(1000, "mandatoryReport.errors.closeNote"),
});
export type CloseReportInput = z.infer<typeof closeReportSchema>;
