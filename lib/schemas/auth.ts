import { z } from "zod";

export const loginSchema = z.strictObject({
  loginName: z.string().trim().min(1, { error: "login.errors.loginNameRequired" }).max(64),
  password: z.string().min(1, { error: "login.errors.passwordRequired" }).max(256),
});

export type LoginInput = z.infer<typeof loginSchema>;
