import "server-only";
import { isUuid } from "@/lib/domain/ids";
import { beijingDateTime, isFutureTime, type CloseReportInput, type RecordPoliceInput } from "@/lib/schemas/mandatory-report";
import { assertCan, type Operation } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db, type Tx } from "../db";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import type { Actor } from "../session";

/** The report in the actor's scope, or null after a DENIED audit row (an unknown id reveals nothing). */
async function findInScope(tx: Tx, actor: Actor, reportId: string, action: Operation) {
  const report = isUuid(reportId)
    ? await tx.mandatoryReport.findFirst({ where: { id: reportId, ...scopeWhere(actor) }, select: { id: true, areaCode: true, status: true } })
    : null;
  if (!report) await writeAudit(tx, actor, { action, entity: "mandatoryReport", entityId: reportId, outcome: "DENIED" });
  return report;
}

/**
 * Records that the police were told (by whom, when, their reference). Allowed until the report is
 * closed, so a later correction is possible; each change bumps the version and is audited.
 */
export async function recordPoliceInformed(actor: Actor, input: RecordPoliceInput, now: Date = new Date()): Promise<void> {
  await assertCan(actor, "update", "mandatoryReport");
  if (isFutureTime(input.policeInformedAt, now)) {
    throw new ValidationError({ policeInformedAt: ["mandatoryReport.errors.policeTimeFuture"] });
  }
  const informedAt = beijingDateTime(input.policeInformedAt);
  const outcome = await db().$transaction(async (tx) => {
    const report = await findInScope(tx, actor, input.reportId, "update");
    if (!report) return new NotFoundError();
    const updated = await tx.mandatoryReport.updateMany({
      where: { id: report.id, ...scopeWhere(actor), status: { in: ["OPEN", "ACKNOWLEDGED"] }, version: input.version },
      data: {
        policeInformedBy: input.policeInformedBy,
        policeInformedAt: informedAt,
        policeReference: input.policeReference || null,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw new ConflictError(report.status === "CLOSED" ? "mandatoryReport.errors.closed" : "errors.conflict");
    await writeAudit(tx, actor, {
      action: "update",
      entity: "mandatoryReport",
      entityId: report.id,
      areaCode: report.areaCode,
      details: { police: { informedBy: input.policeInformedBy, informedAt: informedAt.toISOString(), reference: input.policeReference || null } },
    });
    return null;
  });
  if (outcome) throw outcome;
}

/**
 * Closes an acknowledged report after follow-up, with a note. The schema has no column for the note:
 * it lives in the audit row, which is also where the report page reads its history from.
 */
export async function closeMandatoryReport(actor: Actor, input: CloseReportInput): Promise<void> {
  await assertCan(actor, "close", "mandatoryReport");
  const outcome = await db().$transaction(async (tx) => {
    const report = await findInScope(tx, actor, input.reportId, "close");
    if (!report) return new NotFoundError();
    const updated = await tx.mandatoryReport.updateMany({
      where: { id: report.id, ...scopeWhere(actor), status: "ACKNOWLEDGED", version: input.version },
      data: { status: "CLOSED", version: { increment: 1 } },
    });
    if (updated.count === 0) {
      const key = { OPEN: "mandatoryReport.errors.notAcknowledged", CLOSED: "mandatoryReport.errors.closed", ACKNOWLEDGED: "errors.conflict" }[report.status];
      throw new ConflictError(key);
    }
    await writeAudit(tx, actor, {
      action: "close",
      entity: "mandatoryReport",
      entityId: report.id,
      areaCode: report.areaCode,
      details: { status: "CLOSED", note: input.note },
    });
    return null;
  });
  if (outcome) throw outcome;
}
