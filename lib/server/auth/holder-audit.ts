import "server-only";
import type { Tx } from "../db";
import type { AuditInput } from "../audit";
import type { SessionHolder } from "../session";

/** Like writeAudit, for a session that may still owe a step (it has no Actor yet, but a proven user). */
export async function writeHolderAudit(tx: Tx, holder: SessionHolder, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: holder.userId,
      actorRole: holder.role,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId ?? null,
      areaCode: input.areaCode ?? holder.areaCode,
      outcome: input.outcome ?? "SUCCESS",
      requestId: holder.requestId,
      details: input.details,
    },
  });
}
