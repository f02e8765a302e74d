import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/domain/password-rules";
import { hasControlChars } from "./fields";

// A NUL in the login name would reach the database query (PostgreSQL refuses it in text): refused here,
// and the login answers with its one generic failure, as for a wrong password.
export const loginSchema = z.strictObject({
  loginName: z
    .string()
    .trim()
    .min(1, { error: "login.errors.loginNameRequired" })
    .max(64)
    .refine((s) => !hasControlChars(s), { error: "login.errors.loginNameRequired" }),
  password: z
    .string()
    .min(1, { error: "login.errors.passwordRequired" })
    .max(256)
    .refine((s) => !hasControlChars(s), { error: "login.errors.passwordRequired" }),
});

export type LoginInput = z.infer<typeof loginSchema>;

// The client checks only the length rule; the server gives the full verdict (common passwords, login name,
// phone: lib/domain/password-rules.ts), keeping the 49k-word list out of the browser.
export const changePasswordSchema = z
  .strictObject({
    currentPassword: z
      .string()
      .min(1, { error: "account.errors.currentRequired" })
      .max(256)
      .refine((s) => !hasControlChars(s), { error: "account.errors.currentRequired" }),
    newPassword: z
      .string()
      .min(PASSWORD_MIN_LENGTH, { error: "account.passwordRules.tooShort" })
      .max(PASSWORD_MAX_LENGTH, { error: "account.passwordRules.tooLong" })
      .refine((s) => !hasControlChars(s), { error: "account.passwordRules.controlChars" }),
    repeatPassword: z.string().refine((s) => !hasControlChars(s), { error: "account.errors.mismatch" }),
  })
  .refine((v) => v.newPassword === v.repeatPassword, { error: "account.errors.mismatch", path: ["repeatPassword"] });

export type ChangePasswordFormInput = z.infer<typeof changePasswordSchema>;

/** A 6-digit authenticator code, or a recovery code (xxxx-xxxx, dash and case optional). */
export const secondFactorCodeSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^(\d{6}|[A-Za-z0-9]{4}-?[A-Za-z0-9]{4})$/, { error: "account.twoFactor.codeFormat" }),
});

export type SecondFactorCodeInput = z.infer<typeof secondFactorCodeSchema>;

// Turning the second factor off asks for the password again: a session left open must not be enough.
export const disableTwoFactorSchema = z.strictObject({
  currentPassword: z
    .string()
    .min(1, { error: "account.errors.currentRequired" })
    .max(256)
    .refine((s) => !hasControlChars(s), { error: "account.errors.currentRequired" }),
});
