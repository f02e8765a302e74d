import { z } from "zod";
import { INCOME_SOURCES, PARENT_STATUSES } from "@/lib/domain/enums";
import { checkbox, hasControlChars, optionalText, pastDate, requestId, version } from "./fields";

// Form fields arrive as strings (FormData); the same schema runs in the browser and in the action.

/** Mobile numbers: 11 digits starting with 1 (domain.md). */
export const phone = z
  .string()
  .trim()
  .refine((s) => s === "" || /^1\d{10}$/.test(s), { error: "household.errors.phone" })
  .optional()
  .default("");

const parentStatus = z.enum(PARENT_STATUSES, { error: "household.errors.parentStatus" });

const householdFields = {
  address: z
    .string()
    .trim()
    .min(1, { error: "household.errors.addressRequired" })
    .max(100, { error: "household.errors.addressTooLong" })
    .refine((s) => !hasControlChars(s) && !/[<>]/.test(s), { error: "household.errors.addressInvalid" }),
  memberCount: z.coerce.number({ error: "household.errors.memberCount" }).int({ error: "household.errors.memberCount" }).min(1, { error: "household.errors.memberCount" }).max(30, { error: "household.errors.memberCount" }),
  incomeSource: z.union([z.enum(INCOME_SOURCES), z.literal("")], { error: "household.errors.incomeSource" }).optional().default(""),
  hasDibao: checkbox,
  hasTekun: checkbox,
  isLowIncome: checkbox,
  fatherStatus: parentStatus,
  fatherWhereabouts: optionalText(100, "household.errors.whereabouts"),
  fatherAwaySince: pastDate("household.errors.date", "household.errors.futureDate"),
  fatherPhone: phone,
  motherStatus: parentStatus,
  motherWhereabouts: optionalText(100, "household.errors.whereabouts"),
  motherAwaySince: pastDate("household.errors.date", "household.errors.futureDate"),
  motherPhone: phone,
  // The entrusted guardian (委托监护人); an empty name means the household has none.
  guardianName: optionalText(50, "household.errors.guardianName"),
  guardianRelationship: optionalText(20, "household.errors.relationship"),
  guardianAge: z.union([z.literal(""), z.coerce.number().int().min(14).max(110)], { error: "household.errors.guardianAge" }).optional().default(""),
  guardianHealth: optionalText(100, "household.errors.guardianHealth"),
  guardianCanCare: checkbox,
  guardianPhone: phone,
  confirmationSigned: checkbox,
  confirmationSignedOn: pastDate("household.errors.date", "household.errors.futureDate"),
};

type HouseholdShape = {
  guardianName: string;
  guardianRelationship: string;
  confirmationSigned: boolean;
  confirmationSignedOn: string;
};

function checkGuardian(value: HouseholdShape, ctx: z.RefinementCtx) {
  if (value.guardianName && !value.guardianRelationship) {
    ctx.addIssue({ code: "custom", path: ["guardianRelationship"], message: "household.errors.relationship" });
  }
  if (value.confirmationSigned && !value.confirmationSignedOn) {
    ctx.addIssue({ code: "custom", path: ["confirmationSignedOn"], message: "household.errors.signedOnRequired" });
  }
}

export const householdSchema = z.strictObject({ ...householdFields, requestId }).superRefine(checkGuardian);
export type HouseholdInput = z.infer<typeof householdSchema>;

export const updateHouseholdSchema = z
  .strictObject({
    ...householdFields,
    householdId: z.uuid({ error: "errors.notFound" }),
    version,
  })
  .superRefine(checkGuardian);
export type UpdateHouseholdInput = z.infer<typeof updateHouseholdSchema>;
