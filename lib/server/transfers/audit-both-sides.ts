import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit, type AuditAction } from "../audit";
import type { Tx } from "../db";
import type { Actor } from "../session";

/**
 * A transfer is audited in both villages (issue 4): one row carries the sending area, one the receiving
 * area, so each side's auditors find it in their own jurisdiction.
 */
export async function auditBothSides(
  tx: Tx,
  actor: Actor,
  transfer: { id: string; fromAreaCode: string; toAreaCode: string },
  action: AuditAction,
  details: Prisma.InputJsonObject,
): Promise<void> {
  for (const [side, areaCode] of [["from", transfer.fromAreaCode], ["to", transfer.toAreaCode]] as const) {
    await writeAudit(tx, actor, { action, entity: "transfer", entityId: transfer.id, areaCode, details: { ...details, side } });
  }
}
