import { z } from "zod";
import { hasControlChars, requestId, version } from "./fields";
import { RISK_LEVELS } from "@/lib/domain/categories";
import { CHECK_STATUSES, MET_WITH, REFERRAL_TYPES, VISIT_TYPES } from "@/lib/domain/enums";
import { requiresMandatoryReport } from "@/lib/domain/visit-policy";

const isoDate = z.iso.date({ error: "visit.errors.date" });
const check = z.enum(CHECK_STATUSES, { error: "visit.errors.check" });
/**
 * Free text: trimmed, at most `max` characters, no control characters (a NUL byte cannot be stored and
 * others are paste accidents). Line breaks stay; a browser's CRLF counts as one.
 */
const text = (max: number, tooLong: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v),
    z
      .string()
      .trim()
      .max(max, { error: tooLong })
      .refine((s) => !hasControlChars(s), { error: "visit.errors.controlChars" })
      .optional()
      .default(""),
  );
const note = text(200, "visit.errors.noteTooLong");
// A form posts one value as a string and several as repeated keys; both become a list.
const listOf = <T extends readonly [string, ...string[]]>(values: T, error: string) =>
  z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(values, { error })).max(values.length));

const visitFields = {
  visitedOn: isoDate,
  type: z.enum(VISIT_TYPES, { error: "visit.errors.type" }),
  metWith: listOf(MET_WITH, "visit.errors.metWith"),
  careCheck: check,
  safetyCheck: check,
  healthCheck: check,
  educationCheck: check,
  wellbeingCheck: check,
  care: note,
  safety: note,
  health: note,
  education: note,
  wellbeing: note,
  riskLevel: z.enum(RISK_LEVELS, { error: "visit.errors.riskLevel" }),
  needs: listOf(REFERRAL_TYPES, "visit.errors.needs"),
  notes: text(2000, "visit.errors.notesTooLong"),
  // Empty means "as the county's policy says"; a date may only be earlier (checked on the server).
  nextVisitOn: z.union([isoDate, z.literal("")]).optional().default(""),
  // 强制报告: what was seen, required when safety is urgent.
  urgentDescription: text(2000, "visit.errors.notesTooLong"),
};

type VisitFields = { safetyCheck: string; riskLevel: string; urgentDescription: string };

/** The mandatory-report rule, shared by the form and the server: a description, and the red tier. */
function mandatoryReportRule(value: VisitFields, ctx: z.RefinementCtx) {
  if (!requiresMandatoryReport({ safetyCheck: value.safetyCheck as "URGENT" })) return;
  if (value.urgentDescription.length < 4) {
    ctx.addIssue({ code: "custom", path: ["urgentDescription"], message: "visit.errors.urgentDescription" });
  }
  if (value.riskLevel !== "RED") ctx.addIssue({ code: "custom", path: ["riskLevel"], message: "visit.errors.urgentNeedsRed" });
}

export const recordVisitSchema = z
  .strictObject({ childId: z.uuid({ error: "errors.notFound" }), requestId, ...visitFields })
  .superRefine(mandatoryReportRule);

export type RecordVisitInput = z.infer<typeof recordVisitSchema>;

export const updateVisitSchema = z
  .strictObject({ visitId: z.uuid({ error: "errors.notFound" }), version, ...visitFields })
  .superRefine(mandatoryReportRule);

export type UpdateVisitInput = z.infer<typeof updateVisitSchema>;

export const referralDraftSchema = z.strictObject({
  visitId: z.uuid({ error: "errors.notFound" }),
  type: z.enum(REFERRAL_TYPES, { error: "visit.errors.needs" }),
});

export type ReferralDraftInput = z.infer<typeof referralDraftSchema>;

export const closeChildFileSchema = z.strictObject({
  childId: z.uuid({ error: "errors.notFound" }),
  version,
  reason: z.enum(["MOVED_AWAY", "TURNED_18", "DIED", "OTHER"], { error: "child.errors.closeReason" }),
});

export type CloseChildFileInput = z.infer<typeof closeChildFileSchema>;
