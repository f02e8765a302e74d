import type { ReferralTypeName } from "./enums";
import type { RoleName } from "./roles";

// Mirrors the ReferralStatus enum of prisma/schema.prisma.
export const REFERRAL_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "RETURNED",
  "APPROVED",
  "REJECTED",
  "REFERRED",
  "IN_PROGRESS",
  "RESOLVED",
  "CLOSED_UNRESOLVED",
] as const;
export type ReferralStatusName = (typeof REFERRAL_STATUSES)[number];

export const CLOSED_STATUSES: readonly ReferralStatusName[] = ["REJECTED", "RESOLVED", "CLOSED_UNRESOLVED"];
export function isOpenStatus(status: ReferralStatusName): boolean {
  return !CLOSED_STATUSES.includes(status);
}

/** Extra input a transition asks for besides the note. */
export type TransitionField = "referredOn" | "agency" | "outcome" | "idNumber";

export type TransitionRule = {
  from: ReferralStatusName;
  to: ReferralStatusName;
  roles: readonly RoleName[];
  /** A note is the reason for a return, rejection or closure: the director must know what to do next. */
  noteRequired: boolean;
  required: readonly TransitionField[];
  optional: readonly TransitionField[];
  /** A supervisor's decision: never on a referral she created herself (issue 4). */
  isDecision: boolean;
};

const D = "VILLAGE_DIRECTOR",
  T = "TOWNSHIP_SUPERVISOR",
  C = "COUNTY_OFFICER";

function rule(from: ReferralStatusName, to: ReferralStatusName, roles: readonly RoleName[], extra: Partial<TransitionRule> = {}): TransitionRule {
  return { from, to, roles, noteRequired: false, required: [], optional: [], isDecision: false, ...extra };
}

/**
 * Every allowed move. After approval the director and the supervisor both follow the case with the agency
 * (either may record the referral, the agency's start and the outcome); the county officer only closes a
 * case that cannot be resolved. No deletes: the director withdraws a draft (or a returned referral) by
 * closing it unresolved, with a reason.
 */
export const REFERRAL_TRANSITIONS: readonly TransitionRule[] = [
  rule("DRAFT", "SUBMITTED", [D]),
  rule("DRAFT", "CLOSED_UNRESOLVED", [D], { noteRequired: true }),
  rule("SUBMITTED", "APPROVED", [T], { isDecision: true }),
  rule("SUBMITTED", "RETURNED", [T], { isDecision: true, noteRequired: true }),
  rule("SUBMITTED", "REJECTED", [T], { isDecision: true, noteRequired: true }),
  rule("RETURNED", "SUBMITTED", [D]),
  rule("RETURNED", "CLOSED_UNRESOLVED", [D], { noteRequired: true }),
  rule("APPROVED", "REFERRED", [D, T], { required: ["referredOn"], optional: ["agency"] }),
  rule("REFERRED", "IN_PROGRESS", [D, T]),
  rule("REFERRED", "CLOSED_UNRESOLVED", [D, T, C], { noteRequired: true }),
  rule("IN_PROGRESS", "RESOLVED", [D, T], { required: ["outcome"], optional: ["idNumber"] }),
  rule("IN_PROGRESS", "CLOSED_UNRESOLVED", [D, T, C], { noteRequired: true }),
];

export function findTransition(from: ReferralStatusName, to: ReferralStatusName): TransitionRule | undefined {
  return REFERRAL_TRANSITIONS.find((r) => r.from === from && r.to === to);
}

export type TransitionRefusal = "notFromState" | "roleNotAllowed" | "ownReferral";

/** Why `role` may not move a referral from `from` to `to`, or null when it may. */
export function refuseTransition(
  from: ReferralStatusName,
  to: ReferralStatusName,
  actor: { role: RoleName; userId: string },
  createdById: string | null,
): TransitionRefusal | null {
  const found = findTransition(from, to);
  if (!found) return "notFromState";
  if (!found.roles.includes(actor.role)) return "roleNotAllowed";
  if (found.isDecision && createdById === actor.userId) return "ownReferral";
  return null;
}

/** The transitions this actor may make now (the buttons on the referral page). */
export function allowedTransitions(from: ReferralStatusName, actor: { role: RoleName; userId: string }, createdById: string | null): TransitionRule[] {
  return REFERRAL_TRANSITIONS.filter((r) => r.from === from && refuseTransition(from, r.to, actor, createdById) === null);
}

/** Statuses whose time is limited (the county may change the number of working days of each). */
export const DEADLINE_STATUSES = ["SUBMITTED", "APPROVED", "REFERRED", "IN_PROGRESS"] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];
export type DeadlineOverrides = Partial<Record<DeadlineStatus, number>>;

const DEFAULT_DAYS: Record<DeadlineStatus, number> = { SUBMITTED: 5, APPROVED: 5, REFERRED: 10, IN_PROGRESS: 20 };
// Civil-affairs recognition: the township checks within 10 working days, the county confirms within 5 (domain.md).
const RECOGNITION_DAYS: Record<DeadlineStatus, number> = { ...DEFAULT_DAYS, REFERRED: 10, IN_PROGRESS: 5 };
const RECOGNITION_TYPES: readonly ReferralTypeName[] = ["ORPHAN_RECOGNITION", "SOCIAL_ASSISTANCE"];

export function isDeadlineStatus(status: string): status is DeadlineStatus {
  return (DEADLINE_STATUSES as readonly string[]).includes(status);
}

export function defaultDeadlineDays(type: ReferralTypeName, status: DeadlineStatus): number {
  return (RECOGNITION_TYPES.includes(type) ? RECOGNITION_DAYS : DEFAULT_DAYS)[status];
}

/** Working days allowed in `status`, or null when it has no deadline (a draft, a returned or a closed referral). */
export function deadlineDays(type: ReferralTypeName, status: ReferralStatusName, overrides: DeadlineOverrides = {}): number | null {
  if (!isDeadlineStatus(status)) return null;
  // A county's setting is per status and applies to every type.
  return overrides[status] ?? defaultDeadlineDays(type, status);
}
