import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "./db";
import type { Actor } from "./session";
import type { Entity, Operation } from "./access/policy";

/** Actions beyond the policy's operations; each needs a label in audit.actions (messages test). */
export const EXTRA_AUDIT_ACTIONS = ["login", "logout", "print", "escalate"] as const;
export type AuditAction = Operation | (typeof EXTRA_AUDIT_ACTIONS)[number];

export type AuditInput = {
  action: AuditAction;
  entity: Entity | "session";
  entityId?: string | null;
  areaCode?: string | null;
  outcome?: "SUCCESS" | "DENIED" | "FAILURE";
  details?: Prisma.InputJsonValue;
};

/** Written inside the caller's transaction, so a change and its audit row commit or fail together. */
export async function writeAudit(tx: Tx, actor: Actor, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor.userId,
      actorRole: actor.role,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId ?? null,
      // Without a record's own area (a denied attempt), the actor's area keeps it visible to local auditors.
      areaCode: input.areaCode ?? actor.areaCode,
      outcome: input.outcome ?? "SUCCESS",
      requestId: actor.requestId,
      details: input.details,
    },
  });
}

/** For events with no proven actor yet (failed logins). */
export async function writeAnonymousAudit(
  tx: Tx,
  input: AuditInput & { actorId?: string | null; requestId?: string },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: input.actorId ?? null,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId ?? null,
      areaCode: input.areaCode ?? null,
      outcome: input.outcome ?? "SUCCESS",
      requestId: input.requestId ?? null,
      details: input.details,
    },
  });
}
