import "server-only";
import { isoDate, todayInChina } from "@/lib/domain/dates";
import { isUuid } from "@/lib/domain/ids";
import { isWithinDirectorEditWindow, requiresMandatoryReport } from "@/lib/domain/visit-policy";
import type { RecordVisitInput, UpdateVisitInput } from "@/lib/schemas/visit";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db } from "../db";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { insertMandatoryReport } from "../mandatory-reports/mutations";
import type { Actor } from "../session";
import { checkVisit, syncChildFromLatestVisit, visitColumns } from "./rules";

export type SavedVisit = { visitId: string; childId: string; mandatoryReportId: string | null };

/**
 * Logs a home visit with its five checks. An urgent safety check raises a mandatory report (强制报告) in
 * the same transaction: the visit is never saved without it.
 */
export async function recordVisit(actor: Actor, input: RecordVisitInput): Promise<SavedVisit> {
  assertCan(actor, "create", "visit");
  const saved = await db().$transaction(async (tx) => {
    const child = isUuid(input.childId)
      ? await tx.child.findFirst({
          where: { id: input.childId, ...scopeWhere(actor), status: "ACTIVE" },
          select: { id: true, areaCode: true, dateOfBirth: true },
        })
      : null;
    if (!child) {
      await writeAudit(tx, actor, { action: "create", entity: "visit", outcome: "DENIED", details: { childId: input.childId } });
      return null;
    }
    const nextVisitOn = await checkVisit(tx, child, input);
    const visit = await tx.visit.create({
      data: { childId: child.id, areaCode: child.areaCode, ...visitColumns(input, nextVisitOn), createdById: actor.userId },
      select: { id: true },
    });
    const report = requiresMandatoryReport(input)
      ? await insertMandatoryReport(tx, actor, {
          childId: child.id,
          areaCode: child.areaCode,
          kind: "VISIT_SAFETY",
          description: input.urgentDescription,
          visitId: visit.id,
        })
      : null;
    await syncChildFromLatestVisit(tx, child.id);
    await writeAudit(tx, actor, {
      action: "create",
      entity: "visit",
      entityId: visit.id,
      areaCode: child.areaCode,
      details: { childId: child.id, riskLevel: input.riskLevel, mandatoryReportId: report?.id ?? null },
    });
    return { visitId: visit.id, childId: child.id, mandatoryReportId: report?.id ?? null };
  });
  if (!saved) throw new NotFoundError();
  return saved;
}

/**
 * Corrects a visit. A director may do so for 7 days after the visit date; after that only the township
 * supervisor (policy: visit.update is D and T). A newly urgent safety check raises the report the visit
 * did not have yet.
 */
export async function updateVisit(actor: Actor, input: UpdateVisitInput): Promise<SavedVisit> {
  assertCan(actor, "update", "visit");
  const outcome = await db().$transaction(async (tx) => {
    const visit = isUuid(input.visitId)
      ? await tx.visit.findFirst({
          where: { id: input.visitId, ...scopeWhere(actor) },
          select: { id: true, childId: true, areaCode: true, visitedOn: true, child: { select: { dateOfBirth: true } } },
        })
      : null;
    if (!visit) {
      await writeAudit(tx, actor, { action: "update", entity: "visit", entityId: input.visitId, outcome: "DENIED" });
      return new NotFoundError();
    }
    if (actor.role === "VILLAGE_DIRECTOR" && !isWithinDirectorEditWindow(isoDate(visit.visitedOn), todayInChina())) {
      await writeAudit(tx, actor, { action: "update", entity: "visit", entityId: visit.id, areaCode: visit.areaCode, outcome: "DENIED" });
      return new ForbiddenError("visit.errors.editWindowClosed");
    }
    const nextVisitOn = await checkVisit(tx, { areaCode: visit.areaCode, dateOfBirth: visit.child.dateOfBirth }, input);
    const updated = await tx.visit.updateMany({
      where: { id: visit.id, ...scopeWhere(actor), version: input.version },
      data: { ...visitColumns(input, nextVisitOn), version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError("visit.errors.conflict");
    const existing = await tx.mandatoryReport.findFirst({ where: { visitId: visit.id }, select: { id: true } });
    const report =
      requiresMandatoryReport(input) && !existing
        ? await insertMandatoryReport(tx, actor, {
            childId: visit.childId,
            areaCode: visit.areaCode,
            kind: "VISIT_SAFETY",
            description: input.urgentDescription,
            visitId: visit.id,
          })
        : null;
    await syncChildFromLatestVisit(tx, visit.childId);
    await writeAudit(tx, actor, {
      action: "update",
      entity: "visit",
      entityId: visit.id,
      areaCode: visit.areaCode,
      details: { childId: visit.childId, riskLevel: input.riskLevel, mandatoryReportId: report?.id ?? null },
    });
    return { visitId: visit.id, childId: visit.childId, mandatoryReportId: report?.id ?? existing?.id ?? null };
  });
  // Refusals are thrown after the commit, so that their DENIED audit rows are kept.
  if (outcome instanceof Error) throw outcome;
  return outcome;
}
