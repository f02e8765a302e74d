import type { RoleName } from "./roles";

export type NavItem = { href: string; labelKey: string; icon: "home" | "township" | "chart" | "users" | "audit" | "children" | "register" | "group" | "guide" | "settings" | "benefit" | "more" };

const WORKBENCH: NavItem = { href: "/workbench", labelKey: "nav.workbench", icon: "home" };
const TOWNSHIP: NavItem = { href: "/township", labelKey: "nav.township", icon: "township" };
const DASHBOARD: NavItem = { href: "/dashboard", labelKey: "nav.dashboard", icon: "chart" };
const CHILDREN: NavItem = { href: "/children", labelKey: "nav.children", icon: "children" };
const REGISTER: NavItem = { href: "/households/new", labelKey: "nav.register", icon: "register" };
const GROUPS: NavItem = { href: "/group-sessions", labelKey: "nav.groupSessions", icon: "group" };
const GUIDE: NavItem = { href: "/guide", labelKey: "nav.guide", icon: "guide" };
// 花名册; the label lives with the print feature (messages/*/print.json).
const ROSTER: NavItem = { href: "/roster", labelKey: "print.roster.nav", icon: "children" };
// The label lives with the referral feature (messages/*/referral.json).
const REFERRALS: NavItem = { href: "/referrals", labelKey: "referral.nav", icon: "audit" };
const REFERRAL_DEADLINES: NavItem = { href: "/settings/referral-deadlines", labelKey: "referral.deadlines.nav", icon: "settings" };
const VISIT_POLICY: NavItem = { href: "/settings/visit-policy", labelKey: "nav.visitPolicy", icon: "settings" };
// 强制报告 list; the label lives with the feature (messages/*/mandatory-report.json).
const REPORTS: NavItem = { href: "/reports", labelKey: "mandatoryReport.nav", icon: "audit" };
const USERS: NavItem = { href: "/admin/users", labelKey: "nav.users", icon: "users" };
// Labels live with their features (messages/*/transfer.json, user-admin.json).
const TRANSFERS: NavItem = { href: "/transfers", labelKey: "transfer.nav", icon: "children" };
const DIRECTORS: NavItem = { href: "/township/directors", labelKey: "directors.nav", icon: "users" };
// Labels live with their features (messages/*/entitlement.json, payment.json).
const ENTITLEMENTS: NavItem = { href: "/entitlements", labelKey: "entitlement.nav", icon: "benefit" };
const PAYMENTS: NavItem = { href: "/payments", labelKey: "payment.nav", icon: "benefit" };
const BENEFIT_RATES: NavItem = { href: "/settings/benefits", labelKey: "payment.rates.nav", icon: "settings" };
const AUDIT: NavItem = { href: "/audit", labelKey: "nav.audit", icon: "audit" };
// 我的账号, last for every role (password, second factor, sign out everywhere); label in messages/*/account.json.
const ACCOUNT: NavItem = { href: "/account", labelKey: "account.nav", icon: "settings" };

/**
 * Each role's menu, first item = the home page it lands on after login, most used first: a phone's bottom
 * bar shows the first BOTTOM_BAR_ITEMS and a "more" entry leading to /menu with the whole list.
 */
export const BOTTOM_BAR_ITEMS = 4;
export const MORE: NavItem = { href: "/menu", labelKey: "nav.more", icon: "more" };

export const NAVIGATION: Record<RoleName, NavItem[]> = {
  VILLAGE_DIRECTOR: [WORKBENCH, CHILDREN, REGISTER, ENTITLEMENTS, REFERRALS, GROUPS, GUIDE, TRANSFERS, ACCOUNT],
  TOWNSHIP_SUPERVISOR: [TOWNSHIP, CHILDREN, REFERRALS, ENTITLEMENTS, DIRECTORS, ROSTER, DASHBOARD, TRANSFERS, GUIDE, ACCOUNT],
  COUNTY_OFFICER: [DASHBOARD, ENTITLEMENTS, REPORTS, CHILDREN, PAYMENTS, REFERRALS, BENEFIT_RATES, VISIT_POLICY, REFERRAL_DEADLINES, GUIDE, ACCOUNT],
  PROVINCE_OFFICER: [DASHBOARD, BENEFIT_RATES, ACCOUNT],
  MINISTRY_OFFICER: [DASHBOARD, ACCOUNT],
  SYSTEM_ADMIN: [USERS, ACCOUNT],
  AUDITOR: [AUDIT, ACCOUNT],
};
