import type { RiskLevelName } from "./categories";
import type { CheckStatusName } from "./enums";

/** Days until the next visit, per risk tier. */
export type VisitIntervals = Record<RiskLevelName, number>;

// Local practice (domain.md): red weekly, yellow fortnightly, blue monthly, green quarterly. A county may
// set its own (visit_policies); these apply where it has not.
export const DEFAULT_VISIT_INTERVALS: VisitIntervals = { RED: 7, YELLOW: 14, BLUE: 30, GREEN: 90 };
export const MIN_INTERVAL_DAYS = 1;
export const MAX_INTERVAL_DAYS = 366;

/** A director may correct her own record for a week; later changes need the township supervisor. */
export const DIRECTOR_EDIT_DAYS = 7;

const DAY_MS = 86_400_000;

/** Calendar arithmetic on ISO dates (yyyy-MM-dd), independent of the process's time zone. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS);
}

/** The latest date the policy allows for the next visit; the director may choose an earlier one. */
export function nextVisitDate(visitedOn: string, risk: RiskLevelName, intervals: VisitIntervals = DEFAULT_VISIT_INTERVALS): string {
  return addDays(visitedOn, intervals[risk]);
}

/** The county whose policy applies to a village: the first 6 digits of its 12-digit code. */
export function countyCodeOf(areaCode: string): string {
  return areaCode.slice(0, 6);
}

/** True while a director may still edit a visit made on `visitedOn` (up to and including day 7). */
export function isWithinDirectorEditWindow(visitedOn: string, today: string): boolean {
  return daysBetween(visitedOn, today) <= DIRECTOR_EDIT_DAYS;
}

/**
 * 强制报告: an URGENT safety check means suspected violence, abuse, neglect or a child left alone, which
 * the law says must be reported at once. An URGENT in another domain (e.g. a health emergency) is acted
 * on through referrals and the risk tier, not as a mandatory report, so only safety triggers it.
 */
export function requiresMandatoryReport(checks: { safetyCheck?: CheckStatusName | null }): boolean {
  return checks.safetyCheck === "URGENT";
}
