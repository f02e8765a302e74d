import "server-only";
import { isUuid } from "@/lib/domain/ids";
import type { AcknowledgeReportInput } from "@/lib/schemas/mandatory-report";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db, type Tx } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { notify } from "../notifications/notify";
import type { Actor } from "../session";

export type NewMandatoryReport = {
  childId: string;
  areaCode: string;
  kind: "VISIT_SAFETY" | "CHILD_ALONE" | "DIRECT";
  description: string;
  visitId?: string | null;
  /** Known at creation when the reporter has already called the police (direct reports). */
  police?: { informedBy: string; informedAt: Date; reference: string | null } | null;
};

/**
 * 强制报告: written inside the transaction of whatever revealed the danger (a visit, a registration),
 * so the report cannot be skipped or lost when that record is saved. The caller has already proven
 * the child is in the actor's scope. Township and county see it at once (no draft state), and their
 * supervisors and county officers get an URGENT_REPORT notification in the same transaction.
 */
export async function insertMandatoryReport(tx: Tx, actor: Actor, report: NewMandatoryReport): Promise<{ id: string }> {
  const created = await tx.mandatoryReport.create({
    data: {
      childId: report.childId,
      areaCode: report.areaCode,
      kind: report.kind,
      description: report.description,
      visitId: report.visitId ?? null,
      policeInformedBy: report.police?.informedBy ?? null,
      policeInformedAt: report.police?.informedAt ?? null,
      policeReference: report.police?.reference ?? null,
      createdById: actor.userId,
    },
    select: { id: true, child: { select: { name: true } } },
  });
  await writeAudit(tx, actor, {
    action: "create",
    entity: "mandatoryReport",
    entityId: created.id,
    areaCode: report.areaCode,
    details: { childId: report.childId, kind: report.kind, policeInformed: !!report.police },
  });
  // Only the child's name: never categories (HIV_AFFECTED) or the description in a notification.
  await notify(tx, {
    kind: "URGENT_REPORT",
    entity: "mandatoryReport",
    entityId: created.id,
    areaCode: report.areaCode,
    roles: ["TOWNSHIP_SUPERVISOR", "COUNTY_OFFICER"],
    params: { childName: created.child.name },
    exceptUserId: actor.userId,
  });
  return { id: created.id };
}

/**
 * The township or county says "we have it": OPEN → ACKNOWLEDGED, once. A second click (or a colleague's)
 * on the same version is a conflict.
 */
export async function acknowledgeMandatoryReport(actor: Actor, input: AcknowledgeReportInput): Promise<void> {
  await assertCan(actor, "update", "mandatoryReport");
  const outcome = await db().$transaction(async (tx) => {
    const report = isUuid(input.reportId)
      ? await tx.mandatoryReport.findFirst({ where: { id: input.reportId, ...scopeWhere(actor) }, select: { id: true, areaCode: true } })
      : null;
    if (!report) {
      await writeAudit(tx, actor, { action: "update", entity: "mandatoryReport", entityId: input.reportId, outcome: "DENIED" });
      return new NotFoundError();
    }
    const updated = await tx.mandatoryReport.updateMany({
      where: { id: report.id, ...scopeWhere(actor), status: "OPEN", version: input.version },
      data: { status: "ACKNOWLEDGED", acknowledgedAt: new Date(), acknowledgedById: actor.userId, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError("mandatoryReport.errors.alreadyAcknowledged");
    await writeAudit(tx, actor, {
      action: "update",
      entity: "mandatoryReport",
      entityId: report.id,
      areaCode: report.areaCode,
      details: { status: "ACKNOWLEDGED" },
    });
    return null;
  });
  if (outcome) throw outcome;
}
