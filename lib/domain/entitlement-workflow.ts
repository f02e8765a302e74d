import type { EntitlementStatusName } from "./enums";
import { addMonths } from "./months";
import type { RoleName } from "./roles";

export type EntitlementRule = {
  from: EntitlementStatusName;
  to: EntitlementStatusName;
  roles: readonly RoleName[];
  /** The reason for a return, denial, withdrawal, suspension or end: the family and the director must know why. */
  noteRequired: boolean;
  /** The month the move takes effect (yyyy-MM): the first paid month, a suspension, a resumption or the end. */
  monthRequired: boolean;
};

const D = "VILLAGE_DIRECTOR",
  T = "TOWNSHIP_SUPERVISOR",
  C = "COUNTY_OFFICER";

function rule(from: EntitlementStatusName, to: EntitlementStatusName, roles: readonly RoleName[], extra: Partial<EntitlementRule> = {}): EntitlementRule {
  return { from, to, roles, noteRequired: false, monthRequired: false, ...extra };
}

const NOTE = { noteRequired: true };
const NOTE_AND_MONTH = { noteRequired: true, monthRequired: true };

/**
 * Every allowed move. The director applies (and resubmits or withdraws before a decision), the township
 * supervisor checks the documents (查验), the county officer confirms or denies (确认) and then follows
 * the payments: receiving from a start month, suspended, resumed, ended. No deletes.
 */
export const ENTITLEMENT_TRANSITIONS: readonly EntitlementRule[] = [
  rule("APPLIED", "CHECKED", [T]),
  rule("APPLIED", "RETURNED", [T], NOTE),
  rule("APPLIED", "WITHDRAWN", [D], NOTE),
  rule("CHECKED", "RETURNED", [C], NOTE),
  rule("CHECKED", "CONFIRMED", [C], { monthRequired: true }),
  rule("CHECKED", "DENIED", [C], NOTE),
  rule("RETURNED", "APPLIED", [D]),
  rule("RETURNED", "WITHDRAWN", [D], NOTE),
  rule("CONFIRMED", "RECEIVING", [C]),
  rule("CONFIRMED", "ENDED", [C], NOTE_AND_MONTH),
  rule("RECEIVING", "SUSPENDED", [C], NOTE_AND_MONTH),
  rule("RECEIVING", "ENDED", [C], NOTE_AND_MONTH),
  rule("SUSPENDED", "RECEIVING", [C], { monthRequired: true }),
  rule("SUSPENDED", "ENDED", [C], NOTE_AND_MONTH),
];

/** An application still in the workflow: a second one for the same benefit would be a duplicate. */
export const OPEN_STATUSES: readonly EntitlementStatusName[] = ["APPLIED", "CHECKED", "RETURNED", "CONFIRMED"];
/** The child has the benefit (paid now, or paused and expected to resume). */
export const ACTIVE_STATUSES: readonly EntitlementStatusName[] = ["RECEIVING", "SUSPENDED"];
/** Statuses that block a new application of the same benefit. */
export const BLOCKING_STATUSES: readonly EntitlementStatusName[] = [...OPEN_STATUSES, ...ACTIVE_STATUSES];

export function findEntitlementTransition(from: EntitlementStatusName, to: EntitlementStatusName): EntitlementRule | undefined {
  return ENTITLEMENT_TRANSITIONS.find((r) => r.from === from && r.to === to);
}

export type EntitlementRefusal = "notFromState" | "roleNotAllowed";

/** Why `role` may not move an entitlement from `from` to `to`, or null when it may. */
export function refuseEntitlementTransition(from: EntitlementStatusName, to: EntitlementStatusName, role: RoleName): EntitlementRefusal | null {
  const found = findEntitlementTransition(from, to);
  if (!found) return "notFromState";
  if (!found.roles.includes(role)) return "roleNotAllowed";
  return null;
}

/** The moves this role may make now (the buttons on the application's page). */
export function allowedEntitlementTransitions(from: EntitlementStatusName, role: RoleName): EntitlementRule[] {
  return ENTITLEMENT_TRANSITIONS.filter((r) => r.from === from && r.roles.includes(role));
}

/** Only a denial and an end close the case for good (policy: entitlement.close); the rest are updates. */
export function isClosingMove(to: EntitlementStatusName): boolean {
  return to === "DENIED" || to === "ENDED";
}

/** Statuses whose time is limited by the catalogue (the township's check, the county's confirmation). */
export const DEADLINE_STATUSES: readonly EntitlementStatusName[] = ["APPLIED", "CHECKED"];

/** Working days allowed in `status` by the catalogue: the township check, then the county confirmation; none otherwise. */
export function entitlementDeadlineDays(status: EntitlementStatusName, benefit: { checkDays: number; confirmDays: number }): number | null {
  if (status === "APPLIED") return benefit.checkDays;
  if (status === "CHECKED") return benefit.confirmDays;
  return null;
}

/** Past its deadline (Beijing day) while it still waits for a check or a confirmation. */
export function isEntitlementOverdue(status: EntitlementStatusName, dueOn: string | null, today: string): boolean {
  return dueOn !== null && dueOn < today && DEADLINE_STATUSES.includes(status);
}

/** The month (yyyy-MM) of an ISO date. */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

/** Paid from the month after the decision (domain.md), never before the month of the application. */
export function defaultStartMonth(today: string, appliedOn: string): string {
  const next = addMonths(monthOf(today), 1);
  return next < monthOf(appliedOn) ? monthOf(appliedOn) : next;
}
