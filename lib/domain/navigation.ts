import type { RoleName } from "./roles";

export type NavItem = { href: string; labelKey: string; icon: "home" | "township" | "chart" | "users" | "audit" };

const WORKBENCH: NavItem = { href: "/workbench", labelKey: "nav.workbench", icon: "home" };
const TOWNSHIP: NavItem = { href: "/township", labelKey: "nav.township", icon: "township" };
const DASHBOARD: NavItem = { href: "/dashboard", labelKey: "nav.dashboard", icon: "chart" };
const USERS: NavItem = { href: "/admin/users", labelKey: "nav.users", icon: "users" };
const AUDIT: NavItem = { href: "/audit", labelKey: "nav.audit", icon: "audit" };

/** Each role's menu, first item = the home page it lands on after login. */
export const NAVIGATION: Record<RoleName, NavItem[]> = {
  VILLAGE_DIRECTOR: [WORKBENCH],
  TOWNSHIP_SUPERVISOR: [TOWNSHIP, DASHBOARD],
  COUNTY_OFFICER: [DASHBOARD],
  PROVINCE_OFFICER: [DASHBOARD],
  MINISTRY_OFFICER: [DASHBOARD],
  SYSTEM_ADMIN: [USERS],
  AUDITOR: [AUDIT],
};
