import "server-only";
import { dateValue, isoDate, todayInChina } from "@/lib/domain/dates";
import { countyCodeOf, nextVisitDate, requiresMandatoryReport } from "@/lib/domain/visit-policy";
import type { RecordVisitInput } from "@/lib/schemas/visit";
import type { Tx } from "../db";
import { ValidationError } from "../errors";
import { readVisitPolicy } from "../visit-policies/queries";

export type VisitFieldsInput = Omit<RecordVisitInput, "childId">;

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

/** The file carries the risk, next date and last date of its latest visit, whichever visit was just saved. */
export async function syncChildFromLatestVisit(tx: Tx, childId: string): Promise<void> {
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
