import "server-only";
import type { RoleName } from "@/lib/domain/roles";
import { isUuid } from "@/lib/domain/ids";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db, type Tx } from "../db";
import { ForbiddenError, NotFoundError } from "../errors";
import type { Actor } from "../session";
import { actorNames } from "../users/actor-names";

/** Supervisors and county officers watch who touches a child's file; directors do not see it. */
export const CHILD_LOG_ROLES: readonly RoleName[] = ["TOWNSHIP_SUPERVISOR", "COUNTY_OFFICER"];
export const CHILD_LOG_PAGE = 30;

export type ChildLogEntry = {
  id: string;
  at: string;
  displayName: string;
  role: RoleName | null;
  action: string;
  entity: string;
  outcome: "SUCCESS" | "DENIED" | "FAILURE";
};

/** The audit subjects that are this child: the file itself and the records that belong to it. */
async function subjectsOf(tx: Tx, childId: string) {
  const ids = { select: { id: true }, where: { childId } } as const;
  // One after another: a transaction is one connection, which runs one query at a time.
  const visits = await tx.visit.findMany(ids);
  const referrals = await tx.referral.findMany(ids);
  const entitlements = await tx.entitlement.findMany(ids);
  const reports = await tx.mandatoryReport.findMany(ids);
  const transfers = await tx.childTransfer.findMany(ids);
  const idsOf = (rows: { id: string }[]) => ({ in: rows.map((r) => r.id) });
  return [
    { entity: "child", entityId: childId },
    { entity: "visit", entityId: idsOf(visits) },
    { entity: "referral", entityId: idsOf(referrals) },
    { entity: "entitlement", entityId: idsOf(entitlements) },
    { entity: "mandatoryReport", entityId: idsOf(reports) },
    { entity: "transfer", entityId: idsOf(transfers) },
  ];
}

/**
 * The child's access log: every audit event about the child's file and its records (reads, changes,
 * prints, denials), newest first, CHILD_LOG_PAGE at a time (`before` is the last id of the previous
 * page). Who, when and what only: never the details, which may name a protected category. Reading the
 * log is itself audited.
 */
export async function listChildAccessLog(actor: Actor, childId: string, page: { before?: string } = {}) {
  await assertCan(actor, "read", "child");
  if (!CHILD_LOG_ROLES.includes(actor.role)) throw new ForbiddenError();
  if (!isUuid(childId)) throw new NotFoundError();
  const before = page.before && /^\d{1,19}$/.test(page.before) ? BigInt(page.before) : undefined;
  const log = await db().$transaction(async (tx) => {
    const child = await tx.child.findFirst({ where: { id: childId, ...scopeWhere(actor) }, select: { id: true, name: true, areaCode: true } });
    if (!child) {
      // Committed on purpose (no throw inside): the denied attempt stays in the audit trail.
      await writeAudit(tx, actor, { action: "read", entity: "child", entityId: childId, outcome: "DENIED", details: { view: "accessLog" } });
      return null;
    }
    await writeAudit(tx, actor, { action: "read", entity: "child", entityId: child.id, areaCode: child.areaCode, details: { view: "accessLog" } });
    const rows = await tx.auditEvent.findMany({
      where: { OR: await subjectsOf(tx, child.id), ...(before === undefined ? {} : { id: { lt: before } }) },
      select: { id: true, occurredAt: true, actorId: true, actorRole: true, action: true, entity: true, outcome: true },
      orderBy: { id: "desc" },
      take: CHILD_LOG_PAGE + 1,
    });
    const shown = rows.slice(0, CHILD_LOG_PAGE);
    const nameOf = await actorNames(tx, shown);
    const entries: ChildLogEntry[] = shown.map((r) => ({
      id: r.id.toString(),
      at: r.occurredAt.toISOString(),
      displayName: nameOf(r.actorId) ?? "—",
      role: r.actorRole,
      action: r.action,
      entity: r.entity,
      outcome: r.outcome,
    }));
    return { childId: child.id, childName: child.name, entries, nextBefore: rows.length > CHILD_LOG_PAGE ? (entries.at(-1)?.id ?? null) : null };
  });
  if (!log) throw new NotFoundError();
  return log;
}
