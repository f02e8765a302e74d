import "server-only";
import { todayInChina } from "@/lib/domain/dates";
import { isUuid } from "@/lib/domain/ids";
import { isWithinDirectorEditWindow, requiresMandatoryReport } from "@/lib/domain/visit-policy";
import type { RecordVisitInput, UpdateVisitInput } from "@/lib/schemas/visit";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db, type Tx } from "../db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { insertMandatoryReport } from "../mandatory-reports/mutations";
import type { Actor } from "../session";
import { checkVisit, directorEditRefusal, lockChild, syncChildFromLatestVisit, visitColumns } from "./rules";
import { isUniqueViolation } from "../unique-violation";

export type SavedVisit = { visitId: string; childId: string; mandatoryReportId: string | null };

/** The visit an earlier submission with this request id saved, in the actor's scope, with its report. */
async function findSavedVisit(client: Pick<Tx, "visit" | "mandatoryReport">, actor: Actor, requestId: string): Promise<SavedVisit | null> {
  const visit = await client.visit.findFirst({
    where: { clientRequestId: requestId, ...scopeWhere(actor) },
    select: { id: true, childId: true },
  });
  if (!visit) return null;
  const report = await client.mandatoryReport.findFirst({
    where: { visitId: visit.id, childId: visit.childId, ...scopeWhere(actor) },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  return { visitId: visit.id, childId: visit.childId, mandatoryReportId: report?.id ?? null };
}

/**
 * Logs a home visit with its five checks. An urgent safety check raises a mandatory report (强制报告) in
 * the same transaction: the visit is never saved without it. A retry of the same submission (same
 * request id, e.g. after a lost response on a weak signal) returns what the first one saved.
 */
export async function recordVisit(actor: Actor, input: RecordVisitInput): Promise<SavedVisit> {
  await assertCan(actor, "create", "visit");
  let saved: SavedVisit | null;
  try {
    saved = await db().$transaction((tx) => insertVisit(tx, actor, input));
  } catch (error) {
    // Two submissions raced past the look-up below; the unique index refused the second.
    if (!isUniqueViolation(error)) throw error;
    const first = await findSavedVisit(db(), actor, input.requestId);
    if (!first) throw new ConflictError("visit.errors.conflict");
    return first;
  }
  if (!saved) throw new NotFoundError();
  return saved;
}

async function insertVisit(tx: Tx, actor: Actor, input: RecordVisitInput): Promise<SavedVisit | null> {
  const earlier = await findSavedVisit(tx, actor, input.requestId);
  if (earlier) return earlier;
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
  await lockChild(tx, child.id);
  const nextVisitOn = await checkVisit(tx, child, input);
  const visit = await tx.visit.create({
    data: {
      childId: child.id,
      areaCode: child.areaCode,
      ...visitColumns(input, nextVisitOn),
      clientRequestId: input.requestId,
      createdById: actor.userId,
    },
    select: { id: true },
  });
  return finishVisit(tx, actor, "create", { visitId: visit.id, childId: child.id, areaCode: child.areaCode }, input, null);
}

/**
 * What every saved visit does next, in its transaction: an urgent safety check raises the visit's
 * mandatory report (once), the child's file takes the latest visit's risk and dates, and the audit row.
 */
async function finishVisit(
  tx: Tx,
  actor: Actor,
  action: "create" | "update",
  visit: { visitId: string; childId: string; areaCode: string },
  input: RecordVisitInput | UpdateVisitInput,
  existing: { id: string } | null,
): Promise<SavedVisit> {
  const report =
    requiresMandatoryReport(input) && !existing
      ? await insertMandatoryReport(tx, actor, {
          childId: visit.childId,
          areaCode: visit.areaCode,
          kind: "VISIT_SAFETY",
          description: input.urgentDescription,
          visitId: visit.visitId,
        })
      : null;
  await syncChildFromLatestVisit(tx, visit.childId);
  await writeAudit(tx, actor, {
    action,
    entity: "visit",
    entityId: visit.visitId,
    areaCode: visit.areaCode,
    details: { childId: visit.childId, riskLevel: input.riskLevel, mandatoryReportId: report?.id ?? null },
  });
  return { visitId: visit.visitId, childId: visit.childId, mandatoryReportId: report?.id ?? existing?.id ?? null };
}

/**
 * Corrects a visit. A director may correct only her own visit, for 7 days, and only to a date inside
 * those 7 days; after that only the township supervisor (policy: visit.update is D and T). A newly
 * urgent safety check raises the report the visit did not have yet.
 */
export async function updateVisit(actor: Actor, input: UpdateVisitInput): Promise<SavedVisit> {
  await assertCan(actor, "update", "visit");
  const outcome = await db().$transaction(async (tx) => {
    const visit = isUuid(input.visitId)
      ? await tx.visit.findFirst({
          where: { id: input.visitId, ...scopeWhere(actor) },
          select: { id: true, childId: true, areaCode: true, visitedOn: true, createdById: true, createdAt: true, child: { select: { dateOfBirth: true } } },
        })
      : null;
    if (!visit) {
      await writeAudit(tx, actor, { action: "update", entity: "visit", entityId: input.visitId, outcome: "DENIED" });
      return new NotFoundError();
    }
    const refusal = actor.role === "VILLAGE_DIRECTOR" ? directorRefusal(actor, visit, input.visitedOn) : null;
    if (refusal) {
      await writeAudit(tx, actor, { action: "update", entity: "visit", entityId: visit.id, areaCode: visit.areaCode, outcome: "DENIED" });
      return refusal;
    }
    await lockChild(tx, visit.childId);
    const nextVisitOn = await checkVisit(tx, { areaCode: visit.areaCode, dateOfBirth: visit.child.dateOfBirth }, input);
    const updated = await tx.visit.updateMany({
      where: { id: visit.id, childId: visit.childId, ...scopeWhere(actor), version: input.version },
      data: { ...visitColumns(input, nextVisitOn), version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError("visit.errors.conflict");
    const existing = await tx.mandatoryReport.findFirst({
      where: { visitId: visit.id, childId: visit.childId, ...scopeWhere(actor) },
      select: { id: true },
    });
    return finishVisit(tx, actor, "update", { visitId: visit.id, childId: visit.childId, areaCode: visit.areaCode }, input, existing);
  });
  // Refusals are thrown after the commit, so that their DENIED audit rows are kept.
  if (outcome instanceof Error) throw outcome;
  return outcome;
}

/** A director's edit refused: another's visit, the week is over, or the new date lies outside the week. */
function directorRefusal(actor: Actor, visit: Parameters<typeof directorEditRefusal>[1], visitedOn: string): Error | null {
  const refusal = directorEditRefusal(actor, visit);
  if (refusal) return new ForbiddenError(refusal);
  if (!isWithinDirectorEditWindow(visitedOn, todayInChina())) return new ValidationError({ visitedOn: ["visit.errors.editWindowDate"] });
  return null;
}
