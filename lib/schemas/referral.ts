import { z } from "zod";
import { REFERRAL_TYPES } from "@/lib/domain/enums";
import { DEADLINE_STATUSES, REFERRAL_STATUSES } from "@/lib/domain/referral-workflow";
import { hasControlChars, optionalText, pastDate, version } from "./fields";

/**
 * One move of the workflow. Which fields are required depends on the move (lib/domain/referral-workflow):
 * the data layer checks that, so the form and a hand-made request get the same answer.
 */
export const transitionReferralSchema = z.strictObject({
  referralId: z.uuid({ error: "errors.notFound" }),
  version,
  to: z.enum(REFERRAL_STATUSES, { error: "referral.errors.notAllowed" }),
  note: optionalText(1000, "referral.errors.noteTooLong"),
  referredOn: pastDate("referral.errors.referredOn", "referral.errors.referredOnFuture"),
  agency: optionalText(100, "referral.errors.agency"),
  outcome: optionalText(1000, "referral.errors.outcomeTooLong"),
  idNumber: optionalText(18, "referral.errors.idNumber"),
});
export type TransitionReferralInput = z.input<typeof transitionReferralSchema>;
export type TransitionReferralData = z.infer<typeof transitionReferralSchema>;

/** A referral the director writes directly for a child (not from a visit): it starts as a DRAFT. */
export const createReferralSchema = z.strictObject({
  childId: z.uuid({ error: "errors.notFound" }),
  type: z.enum(REFERRAL_TYPES, { error: "referral.errors.type" }),
  agency: z.string().trim().min(1, { error: "referral.errors.agency" }).max(100, { error: "referral.errors.agency" }).refine((s) => !hasControlChars(s), { error: "referral.errors.agency" }),
  reason: z.string().trim().min(1, { error: "referral.errors.reason" }).max(2000, { error: "referral.errors.reason" }).refine((s) => !hasControlChars(s), { error: "referral.errors.reason" }),
});
export type CreateReferralInput = z.infer<typeof createReferralSchema>;

/** The director edits a draft or a returned referral before (re)submitting it. */
export const updateReferralSchema = createReferralSchema.omit({ childId: true }).extend({
  referralId: z.uuid({ error: "errors.notFound" }),
  version,
});
export type UpdateReferralInput = z.infer<typeof updateReferralSchema>;

/** The county officer sets the working days of one status for her county; version 0 when no setting exists yet. */
export const referralDeadlineSchema = z.strictObject({
  status: z.enum(DEADLINE_STATUSES, { error: "referral.errors.workingDays" }),
  workingDays: z.coerce.number({ error: "referral.errors.workingDays" }).int({ error: "referral.errors.workingDays" }).min(1, { error: "referral.errors.workingDays" }).max(60, { error: "referral.errors.workingDays" }),
  version: z.coerce.number().int().min(0).max(2_147_483_647),
});
export type ReferralDeadlineInput = z.infer<typeof referralDeadlineSchema>;
