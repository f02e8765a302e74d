import { z } from "zod";
import { ROLES } from "@/lib/domain/roles";
import { hasControlChars, version } from "./fields";

// The system administrator's user management (issue 7): accounts of every role inside her jurisdiction.

const loginName = z
  .string({ error: "userAdmin.errors.loginName" })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, { error: "userAdmin.errors.loginName" });

const displayName = z
  .string({ error: "userAdmin.errors.displayName" })
  .transform((s) => s.normalize("NFC").trim())
  .refine((s) => s.length > 0 && [...s].length <= 50, { error: "userAdmin.errors.displayName" })
  .refine((s) => !hasControlChars(s) && !/[<>]/.test(s), { error: "userAdmin.errors.displayName" });

/** A mainland mobile number, or empty. */
const phone = z
  .union([z.literal(""), z.string().trim().regex(/^1\d{10}$/, { error: "userAdmin.errors.phone" })], { error: "userAdmin.errors.phone" })
  .optional()
  .default("");

const role = z.enum(ROLES, { error: "userAdmin.errors.role" });
const userId = z.uuid({ error: "errors.notFound" });

/** The list's search box and filters, from the query string (never trusted for scope). */
export const userListQuerySchema = z.strictObject({
  q: z
    .string()
    .trim()
    .max(50)
    .refine((s) => !hasControlChars(s))
    .optional()
    .catch(undefined),
  role: role.optional().catch(undefined),
  active: z.enum(["yes", "no"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

/** A new account: the area must be of the role's level (a county officer needs a county code). */
export const createUserSchema = z.strictObject({
  loginName,
  displayName,
  phone,
  role,
  // 12 digits, or empty for a national role (the ministry, a national administrator or auditor).
  areaCode: z.string({ error: "userAdmin.errors.area" }).trim().regex(/^(\d{12})?$/, { error: "userAdmin.errors.area" }),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

/** One account at the version the administrator saw. */
export const userRefSchema = z.strictObject({ userId, version });
export type UserRefInput = z.infer<typeof userRefSchema>;

/** Name and phone only: role and area are not editable (a new account is the way to change them). */
export const updateUserSchema = z.strictObject({ userId, version, displayName, phone });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const hivAccessSchema = z.strictObject({
  userId,
  version,
  hivAccess: z.union([z.boolean(), z.stringbool()], { error: "errors.validation" }),
});
export type HivAccessInput = z.infer<typeof hivAccessSchema>;
