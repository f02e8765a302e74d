import "server-only";
import { RISK_LEVELS, type RiskLevelName } from "@/lib/domain/categories";
import { BENEFIT_TYPES, type BenefitTypeName } from "@/lib/domain/enums";
import type { TableColumn, TrendKey } from "@/lib/schemas/indicators";
import { percentOf, suppressCount, suppressedMedian, type Figure } from "./stats";

/** One area-month's stored counts, keyed "indicator|breakdown". */
export type Counts = ReadonlyMap<string, number>;

export const key = (indicator: string, breakdown = "") => `${indicator}|${breakdown}`;

export type IndicatorCards = {
  children: Figure;
  villages: number;
  villagesWithDirector: number;
  directorCoverage: Figure;
  townships: number;
  supervisors: number;
  visitsDue: Figure;
  visitCoverage: Figure;
  visitsOverdue: Figure;
  overdueByRisk: { risk: RiskLevelName; count: Figure }[];
  redRisk: Figure;
  referralsMade: Figure;
  medianDaysToDecision: Figure;
  medianDaysToResolution: Figure;
  referralsOpen: Figure;
  pastDeadlineShare: Figure;
  reportsRaised: Figure;
  medianHoursToAcknowledge: Figure;
  benefits: { benefit: BenefitTypeName; receiving: Figure; eligible: Figure }[];
  unregisteredBacklog: Figure;
  hukouRegistered: Figure;
  schoolReturned: Figure;
  groupSessions: Figure;
  attendanceChildren: Figure;
  attendanceCaregivers: Figure;
};

function histogram(counts: Counts, indicator: string, prefix: "days" | "hours"): Map<number, number> {
  const buckets = new Map<number, number>();
  const start = `${indicator}|${prefix}:`;
  for (const [k, value] of counts) {
    if (!k.startsWith(start)) continue;
    const bucket = Number(k.slice(start.length));
    if (Number.isFinite(bucket)) buckets.set(bucket, (buckets.get(bucket) ?? 0) + value);
  }
  return buckets;
}

/** The cards of one area and month. Areas (villages, townships, staff) are not people: never suppressed. */
export function toCards(counts: Counts, suppress: boolean): IndicatorCards {
  const raw = (indicator: string, breakdown = "") => counts.get(key(indicator, breakdown)) ?? 0;
  const count = (indicator: string, breakdown = "") => suppressCount(raw(indicator, breakdown), suppress);
  const visitsDue = count("visits_due");
  const referralsOpen = count("referrals_open");
  return {
    children: count("children"),
    villages: raw("villages"),
    villagesWithDirector: raw("villages_with_director"),
    directorCoverage: percentOf(raw("villages_with_director"), raw("villages")),
    townships: raw("townships"),
    supervisors: raw("supervisors"),
    visitsDue,
    visitCoverage: percentOf(count("visits_on_time"), visitsDue),
    visitsOverdue: count("visits_overdue"),
    overdueByRisk: RISK_LEVELS.map((risk) => ({ risk, count: count("visits_overdue", `risk:${risk}`) })),
    redRisk: count("risk", "risk:RED"),
    referralsMade: count("referrals_made"),
    medianDaysToDecision: suppressedMedian(histogram(counts, "referrals_decided", "days"), suppress),
    medianDaysToResolution: suppressedMedian(histogram(counts, "referrals_resolved", "days"), suppress),
    referralsOpen,
    pastDeadlineShare: percentOf(count("referrals_past_deadline"), referralsOpen),
    reportsRaised: count("reports_raised"),
    medianHoursToAcknowledge: suppressedMedian(histogram(counts, "reports_acknowledged", "hours"), suppress),
    benefits: BENEFIT_TYPES.map((benefit) => ({
      benefit,
      receiving: count("benefit_receiving", `benefit:${benefit}`),
      // Zero counts are not stored: no row means nobody is eligible (the engine writes eligibility with every refresh).
      eligible: count("benefit_eligible", `benefit:${benefit}`),
    })),
    unregisteredBacklog: count("unregistered_backlog"),
    hukouRegistered: count("hukou_registered"),
    schoolReturned: count("school_returned"),
    groupSessions: count("group_sessions"),
    attendanceChildren: count("group_attendance", "children"),
    attendanceCaregivers: count("group_attendance", "caregivers"),
  };
}

/** The rows the sub-area table and the trend read (a subset of the cards, for a smaller query). */
export const TABLE_KEYS: readonly [string, string][] = [
  ["children", ""],
  ["visits_due", ""],
  ["visits_on_time", ""],
  ["visits_overdue", ""],
  ["risk", "risk:RED"],
  ["villages", ""],
  ["villages_with_director", ""],
  ["referrals_made", ""],
  ["reports_raised", ""],
  ["group_sessions", ""],
];

export function toTableFigures(counts: Counts, suppress: boolean): Record<TableColumn | TrendKey, Figure> {
  const raw = (indicator: string, breakdown = "") => counts.get(key(indicator, breakdown)) ?? 0;
  const count = (indicator: string, breakdown = "") => suppressCount(raw(indicator, breakdown), suppress);
  return {
    children: count("children"),
    visitCoverage: percentOf(count("visits_on_time"), count("visits_due")),
    visitsOverdue: count("visits_overdue"),
    redRisk: count("risk", "risk:RED"),
    directorCoverage: percentOf(raw("villages_with_director"), raw("villages")),
    referralsMade: count("referrals_made"),
    reportsRaised: count("reports_raised"),
    groupSessions: count("group_sessions"),
  };
}
