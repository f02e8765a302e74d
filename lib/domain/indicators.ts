// The monitoring indicators of domain.md ("Indicators"), as stored in indicator_rollups (issue 6).
// Every stored value is a count that adds up from village to nation; ratios, shares and medians are
// computed when read (lib/server/indicators), and counts under 5 are suppressed above the county then.
//
// Breakdowns are "" (the total) or "<dimension>:<value>", e.g. "category:ORPHAN", "risk:RED",
// "type:CIVIL_REGISTRATION", "benefit:DIBAO", "age:6-13", "days:12" (a histogram bucket: whole days).

export type IndicatorKind =
  /** The state at the end of the month (the current month: now). Past months keep what was stored then. */
  | "stock"
  /** Events dated inside the month, recomputable for any month from the case tables. */
  | "flow";

export type IndicatorDefinition = { id: string; kind: IndicatorKind; breakdowns: readonly string[] };

const AGE_BANDS = ["0-5", "6-13", "14-17"] as const;
export const AGE_BAND_BREAKDOWNS = AGE_BANDS.map((band) => `age:${band}`);

export const INDICATORS = [
  // Director coverage: villages with an active director ÷ villages; supervisors per township.
  { id: "villages", kind: "stock", breakdowns: [""] },
  { id: "villages_with_director", kind: "stock", breakdowns: [""] },
  { id: "townships", kind: "stock", breakdowns: [""] },
  { id: "supervisors", kind: "stock", breakdowns: [""] },
  // Registered children (active files) by category (never HIV_AFFECTED), age band and school stage.
  { id: "children", kind: "stock", breakdowns: ["", "category:*", "age:*", "school:*"] },
  // Visit coverage: children visited within their policy interval ÷ children due; overdue by risk tier.
  { id: "visits_due", kind: "stock", breakdowns: [""] },
  { id: "visits_on_time", kind: "stock", breakdowns: [""] },
  { id: "visits_overdue", kind: "stock", breakdowns: ["", "risk:*"] },
  { id: "visits", kind: "flow", breakdowns: [""] },
  // Risk distribution (stock) and movement (visits that raised or lowered the tier in the month).
  { id: "risk", kind: "stock", breakdowns: ["risk:*"] },
  { id: "risk_moves", kind: "flow", breakdowns: ["up", "down"] },
  // Referrals: made in the month by type; open now by status; decided/resolved with day histograms; past deadline.
  { id: "referrals_made", kind: "flow", breakdowns: ["", "type:*"] },
  { id: "referrals_open", kind: "stock", breakdowns: ["", "status:*"] },
  { id: "referrals_decided", kind: "flow", breakdowns: ["", "days:*"] },
  { id: "referrals_resolved", kind: "flow", breakdowns: ["", "days:*"] },
  { id: "referrals_past_deadline", kind: "stock", breakdowns: [""] },
  // Mandatory reports raised in the month, and acknowledged with an hours histogram.
  { id: "reports_raised", kind: "flow", breakdowns: [""] },
  { id: "reports_acknowledged", kind: "flow", breakdowns: ["", "hours:*"] },
  // Entitlement uptake per benefit: eligible (rule holds) and receiving; decisions with a day histogram.
  // benefit_eligible counts active children whose rule holds, covered or not: uptake = receiving ÷ eligible.
  { id: "benefit_eligible", kind: "stock", breakdowns: ["benefit:*"] },
  { id: "benefit_receiving", kind: "stock", breakdowns: ["benefit:*"] },
  { id: "applications_decided", kind: "flow", breakdowns: ["", "days:*"] },
  // Unregistered children: registered (hukou) in the month, and the backlog now; out-of-school children returned.
  { id: "unregistered_backlog", kind: "stock", breakdowns: [""] },
  { id: "hukou_registered", kind: "flow", breakdowns: [""] },
  { id: "school_returned", kind: "flow", breakdowns: [""] },
  // Group sessions held in the month and their attendance (children and caregivers).
  { id: "group_sessions", kind: "flow", breakdowns: [""] },
  { id: "group_attendance", kind: "flow", breakdowns: ["children", "caregivers"] },
] as const satisfies readonly IndicatorDefinition[];

export type IndicatorId = (typeof INDICATORS)[number]["id"];

export const INDICATOR_IDS = INDICATORS.map((indicator) => indicator.id) as readonly IndicatorId[];

export function isIndicatorId(value: unknown): value is IndicatorId {
  return typeof value === "string" && (INDICATOR_IDS as readonly string[]).includes(value);
}

/** How many months the trends show, and how far back a full rebuild recomputes flow indicators. */
export const TREND_MONTHS = 24;
