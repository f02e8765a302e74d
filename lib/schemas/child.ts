import { z } from "zod";
import { CHILD_CATEGORIES } from "@/lib/domain/categories";
import { ageOn, todayInChina } from "@/lib/domain/dates";
import {
  CONSENT_BASES,
  DISABILITY_TYPES,
  HEALTH_STATUSES,
  HUKOU_STATUSES,
  LIVING_ARRANGEMENTS,
  MEDICAL_INSURANCE,
  SCHOOL_STAGES,
  SEXES,
} from "@/lib/domain/enums";
import { normaliseIdNumber, validateIdNumber } from "@/lib/domain/id-number";
import { checkbox, EARLIEST_DATE, hasControlChars, optionalText, pastDate, requestId, version } from "./fields";

/** 姓名: one field, 1–50 code points (· and CJK beyond the BMP such as 𠮷 count once), no markup. */
export const childName = z
  .string({ error: "registration.errors.nameRequired" })
  .transform((s) => s.normalize("NFC").trim())
  .refine((s) => s.length > 0, { error: "registration.errors.nameRequired" })
  .refine((s) => [...s].length <= 50, { error: "registration.errors.nameTooLong" })
  .refine((s) => !hasControlChars(s) && !/[<>]/.test(s), { error: "registration.errors.nameInvalid" });

/** A date the form must have: ISO, not before 1900 (later bounds depend on the field). */
const isoDate = z.iso.date({ error: "registration.errors.date" }).refine((d) => d >= EARLIEST_DATE, { error: "registration.errors.date" });

/**
 * A category the director ticks; whether a rule suggested it (source) is decided by the server.
 * 受艾滋病影响 (specially protected) passes here: the data layer refuses it without the HIV-status permission,
 * which the schema cannot know.
 */
export const categoryEntry = z.strictObject({
  category: z.enum(CHILD_CATEGORIES, { error: "registration.errors.category" }),
  startDate: isoDate,
});
export type CategoryEntry = z.infer<typeof categoryEntry>;

const childFields = {
  name: childName,
  sex: z.enum(SEXES, { error: "registration.errors.sex" }),
  dateOfBirth: isoDate,
  ethnicity: z
    .string()
    .trim()
    .min(1, { error: "registration.errors.ethnicity" })
    .max(20, { error: "registration.errors.ethnicity" })
    .refine((s) => !hasControlChars(s), { error: "registration.errors.ethnicity" })
    .default("汉族"),
  idNumber: z.string().trim().max(30, { error: "registration.errors.id.format" }).optional().default(""),
  noId: checkbox,
  noIdReason: optionalText(200, "registration.errors.noIdReason"),
  hukouStatus: z.enum(HUKOU_STATUSES, { error: "registration.errors.hukou" }),
  hukouPlace: optionalText(100, "registration.errors.text"),
  schoolStage: z.enum(SCHOOL_STAGES, { error: "registration.errors.schoolStage" }),
  schoolName: optionalText(100, "registration.errors.text"),
  outOfSchoolReason: optionalText(200, "registration.errors.text"),
  isBoarding: checkbox,
  healthStatus: z.enum(HEALTH_STATUSES, { error: "registration.errors.health" }).default("HEALTHY"),
  healthNote: optionalText(500, "registration.errors.text"),
  disabilityType: z.union([z.enum(DISABILITY_TYPES), z.literal("")], { error: "registration.errors.disability" }).optional().default(""),
  disabilityGrade: z.union([z.literal(""), z.coerce.number().int().min(1).max(4)], { error: "registration.errors.disabilityGrade" }).optional().default(""),
  hasDisabilityCertificate: checkbox,
  medicalInsurance: z.enum(MEDICAL_INSURANCE, { error: "registration.errors.insurance" }).default("UNKNOWN"),
  livingArrangement: z.enum(LIVING_ARRANGEMENTS, { error: "registration.errors.living" }),
  consentBasis: z.enum(CONSENT_BASES, { error: "registration.errors.consentBasis" }),
  consentGivenBy: optionalText(50, "registration.errors.text"),
  consentOn: pastDate("registration.errors.date", "registration.errors.futureDate"),
  categories: z.array(categoryEntry).max(CHILD_CATEGORIES.length).default([]),
};

type ChildShape = {
  [K in keyof typeof childFields]: z.infer<(typeof childFields)[K]>;
};

const IN_SCHOOL = ["PRESCHOOL", "PRIMARY", "JUNIOR_SECONDARY", "SENIOR_SECONDARY", "VOCATIONAL"];

/** Rules across fields; `idRequired` is false on edit, where a blank ID keeps the stored one. */
function refineChild(idRequired: boolean) {
  return (v: ChildShape, ctx: z.RefinementCtx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const today = todayInChina();
    const dobValid = /^\d{4}-\d{2}-\d{2}$/.test(v.dateOfBirth) && v.dateOfBirth >= EARLIEST_DATE;
    if (dobValid && v.dateOfBirth > today) issue("dateOfBirth", "registration.errors.futureBirthDate");
    else if (dobValid && ageOn(v.dateOfBirth, today) >= 18) issue("dateOfBirth", "registration.errors.adult");
    if (v.noId) {
      if (!v.noIdReason) issue("noIdReason", "registration.errors.noIdReasonRequired");
    } else if (v.idNumber) {
      const checked = validateIdNumber(v.idNumber, { today, dateOfBirth: v.dateOfBirth, sex: v.sex });
      if (!checked.ok) issue("idNumber", `registration.errors.id.${checked.problem}`);
    } else if (idRequired) {
      issue("idNumber", "registration.errors.idRequired");
    }
    if (v.schoolStage === "OUT_OF_SCHOOL" && !v.outOfSchoolReason) issue("outOfSchoolReason", "registration.errors.outOfSchoolReasonRequired");
    if (IN_SCHOOL.includes(v.schoolStage) && !v.schoolName) issue("schoolName", "registration.errors.schoolNameRequired");
    if (v.consentBasis === "GUARDIAN_CONSENT") {
      if (!v.consentGivenBy) issue("consentGivenBy", "registration.errors.consentGivenByRequired");
      if (!v.consentOn) issue("consentOn", "registration.errors.consentOnRequired");
    }
    const seen = new Set<string>();
    for (const c of v.categories) {
      if (seen.has(c.category)) issue("categories", "registration.errors.categoryTwice");
      seen.add(c.category);
      if (c.startDate > today) issue("categories", "registration.errors.categoryFutureStart");
      else if (dobValid && c.startDate < v.dateOfBirth) issue("categories", "registration.errors.categoryBeforeBirth");
    }
  };
}

function normalise<T extends { idNumber: string; noId: boolean }>(v: T): T {
  return { ...v, idNumber: v.noId ? "" : normaliseIdNumber(v.idNumber) };
}

export const createChildSchema = z
  .strictObject({
    ...childFields,
    householdId: z.uuid({ error: "errors.notFound" }),
    requestId,
    // "This is a different child": required when likely duplicates exist.
    confirmDuplicate: checkbox,
  })
  .superRefine(refineChild(true))
  .transform(normalise);
export type CreateChildInput = z.infer<typeof createChildSchema>;

export const updateChildSchema = z
  .strictObject({
    ...childFields,
    childId: z.uuid({ error: "errors.notFound" }),
    version,
    // Categories are never deleted: an ended one keeps its row with an end date.
    endCategories: z.array(z.strictObject({ categoryId: z.uuid(), endDate: isoDate })).default([]),
  })
  .superRefine(refineChild(false))
  .superRefine((v, ctx) => {
    // Start dates and the child's birth are checked on the server, which has the stored rows.
    const today = todayInChina();
    for (const e of v.endCategories) {
      if (e.endDate > today) ctx.addIssue({ code: "custom", path: ["categories"], message: "registration.errors.categoryFutureEnd" });
      else if (e.endDate < v.dateOfBirth) ctx.addIssue({ code: "custom", path: ["categories"], message: "registration.errors.categoryEndBeforeStart" });
    }
  })
  .transform(normalise);
export type UpdateChildInput = z.infer<typeof updateChildSchema>;

export const duplicateCheckSchema = z.strictObject({
  name: childName,
  dateOfBirth: isoDate,
  idNumber: z
    .string()
    .trim()
    .max(30)
    .refine((s) => !hasControlChars(s), { error: "registration.errors.id.format" })
    .optional()
    .default(""),
  excludeChildId: z.uuid().optional(),
});
export type DuplicateCheckInput = z.infer<typeof duplicateCheckSchema>;

export const CLOSE_REASONS = ["MOVED_AWAY", "TURNED_18", "DIED", "OTHER"] as const;

export const closeFileSchema = z
  .strictObject({
    childId: z.uuid({ error: "errors.notFound" }),
    version,
    reason: z.enum(CLOSE_REASONS, { error: "child.errors.closeReason" }),
    note: optionalText(200, "child.errors.closeNote"),
  })
  .refine((v) => v.reason !== "OTHER" || v.note !== "", { path: ["note"], error: "child.errors.closeNoteRequired" });
export type CloseFileInput = z.infer<typeof closeFileSchema>;

/** Reopening a closed file (the child came back); the note says why, for the audit trail. */
export const reopenFileSchema = z.strictObject({
  childId: z.uuid({ error: "errors.notFound" }),
  version,
  note: optionalText(200, "child.errors.closeNote"),
});
export type ReopenFileInput = z.infer<typeof reopenFileSchema>;
