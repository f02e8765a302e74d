import { z } from "zod";
import { hasControlChars, version } from "./fields";

// The directors' accounts a township supervisor manages (caseload handover).

const loginName = z
  .string({ error: "directors.errors.loginName" })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, { error: "directors.errors.loginName" });

const displayName = z
  .string({ error: "directors.errors.displayName" })
  .transform((s) => s.normalize("NFC").trim())
  .refine((s) => s.length > 0 && [...s].length <= 50, { error: "directors.errors.displayName" })
  .refine((s) => !hasControlChars(s) && !/[<>]/.test(s), { error: "directors.errors.displayName" });

/** A mainland mobile number, or empty. */
const phone = z
  .union([z.literal(""), z.string().trim().regex(/^1\d{10}$/, { error: "directors.errors.phone" })], { error: "directors.errors.phone" })
  .optional()
  .default("");

const accountFields = { loginName, displayName, phone };

export const createDirectorSchema = z.strictObject({
  areaCode: z.string({ error: "directors.errors.village" }).regex(/^\d{12}$/, { error: "directors.errors.village" }),
  ...accountFields,
});
export type CreateDirectorInput = z.infer<typeof createDirectorSchema>;

/** One existing account at a known version (deactivate, reactivate, reset the password). */
export const directorRefSchema = z.strictObject({
  userId: z.uuid({ error: "errors.notFound" }),
  version,
});
export type DirectorRefInput = z.infer<typeof directorRefSchema>;

/** Handover: the old director's account ends and a new one starts for the same village. */
export const replaceDirectorSchema = z.strictObject({
  userId: z.uuid({ error: "errors.notFound" }),
  version,
  ...accountFields,
});
export type ReplaceDirectorInput = z.infer<typeof replaceDirectorSchema>;
