import "server-only";
import { dateValue, isoDate, todayInChina } from "@/lib/domain/dates";
import { countyCodeOf, isWithinDirectorEditWindow, nextVisitDate, requiresMandatoryReport } from "@/lib/domain/visit-policy";
import type { RecordVisitInput } from "@/lib/schemas/visit";
import { can } from "../access/policy";
import type { Tx } from "../db";
import { ValidationError } from "../errors";
import type { Actor } from "../session";
import { readVisitPolicy } from "../visit-policies/queries";

export type VisitFieldsInput = Omit<RecordVisitInput, "childId" | "requestId">;

/**
 * Takes the child's row lock until the transaction ends, so that two visits saved at the same moment
 * update the file one after the other. Callers take it before inserting a visit: the insert's foreign-key
 * lock on the child would otherwise deadlock with the other transaction's FOR UPDATE.
 */
export async function lockChild(tx: Tx, childId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM children WHERE id = ${childId}::uuid FOR UPDATE`;
}

export type EditableVisit = { createdById: string | null; visitedOn: Date; createdAt: Date };

/**
 * Why a director may not edit this visit, or null if she may: only a visit she recorded herself, for 7
 * days. The week runs from the visit date and also from the day she recorded it, so moving the date
 * later cannot extend it; past the week the township supervisor corrects it (policy: visit.update D, T).
 */
export function directorEditRefusal(actor: Actor, visit: EditableVisit): "visit.errors.notYourVisit" | "visit.errors.editWindowClosed" | null {
  if (visit.createdById !== actor.userId) return "visit.errors.notYourVisit";
  const today = todayInChina();
  const open = isWithinDirectorEditWindow(isoDate(visit.visitedOn), today) && isWithinDirectorEditWindow(todayInChina(visit.createdAt), today);
  return open ? null : "visit.errors.editWindowClosed";
}

/** Whether the actor may edit the visit now: the edit link on the timeline and the edit page. */
export function canEditVisit(actor: Actor, visit: EditableVisit): boolean {
  if (!can(actor.role, "update", "visit")) return false;
  return actor.role !== "VILLAGE_DIRECTOR" || directorEditRefusal(actor, visit) === null;
}

/**
 * The server's word on a visit's dates and on the mandatory-report rule (the form checks the same, but a
 * form can be bypassed). Returns the next visit date: the county policy's, or the director's earlier one.
 */
export async function checkVisit(tx: Tx, child: { areaCode: string; dateOfBirth: Date }, input: VisitFieldsInput): Promise<string> {
  const errors: Record<string, string[]> = {};
  if (input.visitedOn > todayInChina()) errors.visitedOn = ["visit.errors.futureDate"];
  else if (input.visitedOn < isoDate(child.dateOfBirth)) errors.visitedOn = ["visit.errors.beforeBirth"];
  if (requiresMandatoryReport(input)) {
    if (input.urgentDescription.trim().length < 4) errors.urgentDescription = ["visit.errors.urgentDescription"];
    if (input.riskLevel !== "RED") errors.riskLevel = ["visit.errors.urgentNeedsRed"];
  }
  const policy = await readVisitPolicy(tx, countyCodeOf(child.areaCode));
  const latest = nextVisitDate(input.visitedOn, input.riskLevel, policy.intervals);
  const chosen = input.nextVisitOn || latest;
  if (chosen > latest) errors.nextVisitOn = ["visit.errors.nextAfterPolicy"];
  else if (chosen < input.visitedOn) errors.nextVisitOn = ["visit.errors.nextBeforeVisit"];
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return chosen;
}

/** The visit columns from the form: each domain's status in xCheck, its note in the column of its name. */
export function visitColumns(input: VisitFieldsInput, nextVisitOn: string) {
  const orNull = (text: string) => text.trim() || null;
  return {
    visitedOn: dateValue(input.visitedOn),
    type: input.type,
    metWith: input.metWith,
    riskLevel: input.riskLevel,
    careCheck: input.careCheck,
    safetyCheck: input.safetyCheck,
    healthCheck: input.healthCheck,
    educationCheck: input.educationCheck,
    wellbeingCheck: input.wellbeingCheck,
    care: orNull(input.care),
    safety: orNull(input.safety),
    health: orNull(input.health),
    education: orNull(input.education),
    wellbeing: orNull(input.wellbeing),
    needs: input.needs,
    notes: orNull(input.notes),
    nextVisitOn: dateValue(nextVisitOn),
  };
}

/**
 * The file carries the risk, next date and last date of its latest visit, whichever visit was just saved.
 * The latest visit is read under the child's lock: a concurrent visit has then committed (and is seen)
 * or waits, so the file never keeps an older visit's values.
 */
export async function syncChildFromLatestVisit(tx: Tx, childId: string): Promise<void> {
  await lockChild(tx, childId);
  const latest = await tx.visit.findFirst({
    where: { childId },
    orderBy: [{ visitedOn: "desc" }, { createdAt: "desc" }],
    select: { visitedOn: true, riskLevel: true, nextVisitOn: true },
  });
  await tx.child.update({
    where: { id: childId },
    data: {
      ...(latest ? { riskLevel: latest.riskLevel, nextVisitOn: latest.nextVisitOn, lastVisitOn: latest.visitedOn } : {}),
      version: { increment: 1 },
    },
  });
}
