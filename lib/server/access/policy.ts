import "server-only";
import type { RoleName } from "@/lib/domain/roles";
import { writeAudit } from "../audit";
import { db } from "../db";
import { ForbiddenError } from "../errors";
import type { Actor } from "../session";

export type Entity =
  | "child"
  | "household"
  | "guardian"
  | "visit"
  | "referral"
  | "entitlement"
  | "area"
  | "aggregate"
  | "auditEvent"
  | "user"
  | "mandatoryReport"
  | "groupSession"
  | "visitPolicy"
  | "referralDeadline"
  | "notification"
  | "transfer"
  | "benefit"
  | "entitlementDocument"
  | "payment";
export type Operation = "list" | "read" | "create" | "update" | "close";

const D = "VILLAGE_DIRECTOR",
  T = "TOWNSHIP_SUPERVISOR",
  C = "COUNTY_OFFICER",
  P = "PROVINCE_OFFICER",
  M = "MINISTRY_OFFICER",
  ADMIN = "SYSTEM_ADMIN",
  AUDIT = "AUDITOR";

/**
 * Who may do what to which entity, always inside their own jurisdiction (scope.ts adds that).
 * Case data stops at the county: provinces and the ministry see aggregates only; the system
 * administrator manages accounts but reads no case data; the auditor reads the audit trail only.
 */
export const POLICY: Record<Entity, Record<Operation, readonly RoleName[]>> = {
  child: { list: [D, T, C], read: [D, T, C], create: [D], update: [D], close: [D, T] },
  household: { list: [D, T, C], read: [D, T, C], create: [D], update: [D], close: [] },
  guardian: { list: [D, T, C], read: [D, T, C], create: [D], update: [D], close: [] },
  // Directors edit their visits for 7 days; after that only the supervisor (lib/server/visits).
  visit: { list: [D, T, C], read: [D, T, C], create: [D, T], update: [D, T], close: [] },
  referral: { list: [D, T, C], read: [D, T, C], create: [D], update: [D, T, C], close: [D, T, C] },
  entitlement: { list: [D, T, C], read: [D, T, C], create: [D], update: [D, T, C], close: [C] },
  area: { list: [D, T, C, P, M, ADMIN, AUDIT], read: [D, T, C, P, M, ADMIN, AUDIT], create: [], update: [], close: [] },
  aggregate: { list: [T, C, P, M], read: [T, C, P, M], create: [], update: [], close: [] },
  auditEvent: { list: [AUDIT], read: [AUDIT], create: [], update: [], close: [] },
  // Caseload handover: a supervisor manages the directors' accounts of her township's villages only
  // (lib/server/users/directors.ts restricts role and area).
  user: { list: [ADMIN, T], read: [ADMIN], create: [ADMIN, T], update: [ADMIN, T], close: [ADMIN, T] },
  // 强制报告: raised by whoever sees the danger; acknowledged and followed up by township and county.
  mandatoryReport: { list: [D, T, C], read: [D, T, C], create: [D, T], update: [T, C], close: [T, C] },
  groupSession: { list: [D, T, C], read: [D, T, C], create: [D], update: [D], close: [] },
  visitPolicy: { list: [D, T, C], read: [D, T, C], create: [], update: [C], close: [] },
  referralDeadline: { list: [D, T, C], read: [D, T, C], create: [], update: [C], close: [] },
  // Each user's own notifications (never another's): the data layer filters by the actor's user id.
  notification: { list: [D, T, C], read: [D, T, C], create: [], update: [D, T, C], close: [] },
  // Requested by the sending director; accepted or rejected by the receiving township's supervisor.
  transfer: { list: [D, T, C], read: [D, T, C], create: [D], update: [T], close: [D] },
  // The catalogue and its rates: read by everyone who works with benefits; a county or province sets the
  // monthly amounts of its own area (lib/server/benefits).
  benefit: { list: [D, T, C, P, M], read: [D, T, C, P, M], create: [], update: [C, P], close: [] },
  // Photos of an application's documents: collected by the director, seen by whoever checks and confirms.
  entitlementDocument: { list: [D, T, C], read: [D, T, C], create: [D], update: [], close: [D] },
  // Monthly payment rosters are the county's (it pays); nobody else records or exports them.
  payment: { list: [C], read: [C], create: [C], update: [C], close: [] },
};

export function can(role: RoleName, operation: Operation, entity: Entity): boolean {
  return POLICY[entity][operation].includes(role);
}

/**
 * Refuses an operation the actor's role may not do at all, after committing a DENIED audit row (its own
 * transaction, so the row stays whatever the caller does next). Always awaited: tests/unit/authorize-awaited.test.ts.
 */
export async function assertCan(actor: Actor, operation: Operation, entity: Entity): Promise<void> {
  if (can(actor.role, operation, entity)) return;
  await db().$transaction((tx) => writeAudit(tx, actor, { action: operation, entity, outcome: "DENIED", details: { reason: "role" } }));
  throw new ForbiddenError();
}
