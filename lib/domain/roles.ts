// Mirrors the Role enum of prisma/schema.prisma; lib/domain stays free of Prisma imports.
export const ROLES = [
  "VILLAGE_DIRECTOR",
  "TOWNSHIP_SUPERVISOR",
  "COUNTY_OFFICER",
  "PROVINCE_OFFICER",
  "MINISTRY_OFFICER",
  "SYSTEM_ADMIN",
  "AUDITOR",
] as const;

export type RoleName = (typeof ROLES)[number];

/** Length of the jurisdiction prefix each role holds (domain.md: village 12, township 9, county 6, province 2, nation ''). */
export const ROLE_SCOPE_LENGTH: Record<RoleName, readonly number[]> = {
  VILLAGE_DIRECTOR: [12],
  TOWNSHIP_SUPERVISOR: [9],
  COUNTY_OFFICER: [6],
  PROVINCE_OFFICER: [2],
  MINISTRY_OFFICER: [0],
  // Administration and audit may be delegated at any level.
  SYSTEM_ADMIN: [0, 2, 4, 6],
  AUDITOR: [0, 2, 4, 6],
};

export const ROLE_HOME: Record<RoleName, string> = {
  VILLAGE_DIRECTOR: "/workbench",
  TOWNSHIP_SUPERVISOR: "/township",
  COUNTY_OFFICER: "/dashboard",
  PROVINCE_OFFICER: "/dashboard",
  MINISTRY_OFFICER: "/dashboard",
  SYSTEM_ADMIN: "/admin/users",
  AUDITOR: "/audit",
};

export function isRole(value: unknown): value is RoleName {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Roles that must pass a second factor (TOTP or a recovery code) at every login; optional for the others. */
export const SECOND_FACTOR_ROLES: readonly RoleName[] = ["COUNTY_OFFICER", "PROVINCE_OFFICER", "MINISTRY_OFFICER", "SYSTEM_ADMIN", "AUDITOR"];

/** Roles that work with children's files, and so may be granted the HIV-status permission. */
export const CASE_ROLES: readonly RoleName[] = ["VILLAGE_DIRECTOR", "TOWNSHIP_SUPERVISOR", "COUNTY_OFFICER"];
