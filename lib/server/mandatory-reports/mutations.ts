import "server-only";
import { writeAudit } from "../audit";
import type { Tx } from "../db";
import type { Actor } from "../session";

export type NewMandatoryReport = {
  childId: string;
  areaCode: string;
  kind: "VISIT_SAFETY" | "CHILD_ALONE" | "DIRECT";
  description: string;
  visitId?: string | null;
};

/**
 * 强制报告: written inside the transaction of whatever revealed the danger (a visit, a registration),
 * so the report cannot be skipped or lost when that record is saved. The caller has already proven
 * the child is in the actor's scope. Township and county see it at once (no draft state).
 */
export async function insertMandatoryReport(tx: Tx, actor: Actor, report: NewMandatoryReport): Promise<{ id: string }> {
  const created = await tx.mandatoryReport.create({
    data: {
      childId: report.childId,
      areaCode: report.areaCode,
      kind: report.kind,
      description: report.description,
      visitId: report.visitId ?? null,
      createdById: actor.userId,
    },
    select: { id: true },
  });
  await writeAudit(tx, actor, {
    action: "create",
    entity: "mandatoryReport",
    entityId: created.id,
    areaCode: report.areaCode,
    details: { childId: report.childId, kind: report.kind },
  });
  return created;
}
