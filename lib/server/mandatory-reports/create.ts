import "server-only";
import { shortAreaName } from "@/lib/domain/area-code";
import { isUuid } from "@/lib/domain/ids";
import { beijingDateTime, isFutureTime, type CreateReportInput } from "@/lib/schemas/mandatory-report";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db } from "../db";
import { NotFoundError, ValidationError } from "../errors";
import type { Actor } from "../session";
import { insertMandatoryReport } from "./mutations";

/**
 * 强制报告 raised directly by a director or supervisor (not from a visit): URGENT at once, never a draft.
 * The child must be in the actor's jurisdiction; anyone else's child is simply not found.
 */
export async function createMandatoryReport(actor: Actor, input: CreateReportInput, now: Date = new Date()): Promise<{ id: string }> {
  await assertCan(actor, "create", "mandatoryReport");
  if (input.policeInformedAt && isFutureTime(input.policeInformedAt, now)) {
    throw new ValidationError({ policeInformedAt: ["mandatoryReport.errors.policeTimeFuture"] });
  }
  const outcome = await db().$transaction(async (tx) => {
    const child = isUuid(input.childId)
      ? await tx.child.findFirst({ where: { id: input.childId, ...scopeWhere(actor) }, select: { id: true, areaCode: true } })
      : null;
    if (!child) {
      await writeAudit(tx, actor, { action: "create", entity: "mandatoryReport", entityId: null, outcome: "DENIED", details: { childId: input.childId } });
      return new NotFoundError();
    }
    return insertMandatoryReport(tx, actor, {
      childId: child.id,
      areaCode: child.areaCode,
      kind: "DIRECT",
      description: input.description,
      police: input.policeInformedAt
        ? { informedBy: input.policeInformedBy, informedAt: beijingDateTime(input.policeInformedAt), reference: input.policeReference || null }
        : null,
    });
  });
  if (outcome instanceof NotFoundError) throw outcome;
  return outcome;
}

export type ReportSubject = { childId: string; childName: string; areaName: string };

/** The child a new report is about, for the form's heading: in scope or not found. */
export async function getReportSubject(actor: Actor, childId: string): Promise<ReportSubject> {
  await assertCan(actor, "create", "mandatoryReport");
  const child = isUuid(childId)
    ? await db().child.findFirst({ where: { id: childId, ...scopeWhere(actor) }, select: { id: true, name: true, areaName: true } })
    : null;
  // The report form names the child: that is a read of her record, audited like opening her file.
  await db().$transaction((tx) =>
    writeAudit(tx, actor, { action: "read", entity: "child", entityId: child?.id ?? null, outcome: child ? "SUCCESS" : "DENIED", details: { purpose: "mandatoryReport", ...(child ? {} : { childId: childId.slice(0, 64) }) } }),
  );
  if (!child) throw new NotFoundError();
  return { childId: child.id, childName: child.name, areaName: shortAreaName(child.areaName) };
}
