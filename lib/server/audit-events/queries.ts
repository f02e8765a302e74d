import "server-only";
import { assertCan } from "../access/policy";
import { db } from "../db";
import type { Actor } from "../session";

/** Audit trail for the auditor's jurisdiction, newest first. Events without an area (failed logins of unknown users) are visible to national auditors only. */
export async function listAuditEvents(actor: Actor, filter: { take?: number } = {}) {
  await assertCan(actor, "list", "auditEvent");
  const rows = await db().auditEvent.findMany({
    where: actor.scopePrefix === "" ? {} : { areaCode: { startsWith: actor.scopePrefix } },
    select: { id: true, occurredAt: true, actorId: true, actorRole: true, action: true, entity: true, entityId: true, areaCode: true, outcome: true },
    orderBy: { id: "desc" },
    take: Math.min(filter.take ?? 100, 500),
  });
  return rows.map((r) => ({ ...r, id: r.id.toString(), occurredAt: r.occurredAt.toISOString() }));
}
