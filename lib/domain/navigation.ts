import type { RoleName } from "./roles";

export type NavItem = { href: string; labelKey: string; icon: "home" | "township" | "chart" | "users" | "audit" | "children" | "register" | "group" | "guide" | "settings" };

const WORKBENCH: NavItem = { href: "/workbench", labelKey: "nav.workbench", icon: "home" };
const TOWNSHIP: NavItem = { href: "/township", labelKey: "nav.township", icon: "township" };
const DASHBOARD: NavItem = { href: "/dashboard", labelKey: "nav.dashboard", icon: "chart" };
const CHILDREN: NavItem = { href: "/children", labelKey: "nav.children", icon: "children" };
const REGISTER: NavItem = { href: "/households/new", labelKey: "nav.register", icon: "register" };
const GROUPS: NavItem = { href: "/group-sessions", labelKey: "nav.groupSessions", icon: "group" };
const GUIDE: NavItem = { href: "/guide", labelKey: "nav.guide", icon: "guide" };
// 花名册; the label lives with the print feature (messages/*/print.json).
const ROSTER: NavItem = { href: "/roster", labelKey: "print.roster.nav", icon: "children" };
const VISIT_POLICY: NavItem = { href: "/settings/visit-policy", labelKey: "nav.visitPolicy", icon: "settings" };
const USERS: NavItem = { href: "/admin/users", labelKey: "nav.users", icon: "users" };
const AUDIT: NavItem = { href: "/audit", labelKey: "nav.audit", icon: "audit" };

/** Each role's menu, first item = the home page it lands on after login. */
export const NAVIGATION: Record<RoleName, NavItem[]> = {
  VILLAGE_DIRECTOR: [WORKBENCH, CHILDREN, REGISTER, GROUPS, GUIDE],
  // Not in the director's bar: a sixth bottom-bar item does not fit 360 px (link it from her workbench).
  TOWNSHIP_SUPERVISOR: [TOWNSHIP, CHILDREN, ROSTER, DASHBOARD, GUIDE],
  COUNTY_OFFICER: [DASHBOARD, CHILDREN, VISIT_POLICY, GUIDE],
  PROVINCE_OFFICER: [DASHBOARD],
  MINISTRY_OFFICER: [DASHBOARD],
  SYSTEM_ADMIN: [USERS],
  AUDITOR: [AUDIT],
};
