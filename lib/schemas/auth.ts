import { z } from "zod";
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
