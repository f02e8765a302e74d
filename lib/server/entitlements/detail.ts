import "server-only";
import { shortAreaName } from "@/lib/domain/area-code";
import { ageOn, isoDate, todayInChina } from "@/lib/domain/dates";
import { allowedEntitlementTransitions, defaultStartMonth, isEntitlementOverdue, monthOf } from "@/lib/domain/entitlement-workflow";
import type { EntitlementStatusName } from "@/lib/domain/enums";
import { isUuid } from "@/lib/domain/ids";
import type { RoleName } from "@/lib/domain/roles";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { actorNames } from "../users/actor-names";
import { getBenefit, type BenefitDefinition } from "../benefits/catalogue";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { Actor } from "../session";
import { readStoredVerdict, type StoredVerdict } from "./eligibility-json";

export type EntitlementTimelineEntry = {
  id: string;
  fromStatus: EntitlementStatusName | null;
  toStatus: EntitlementStatusName;
  actorName: string | null;
  actorRole: RoleName | null;
  note: string | null;
  /** yyyy-MM: the month the move takes effect, when it has one. */
  month: string | null;
  occurredAt: string;
};

export type EntitlementMove = { to: EntitlementStatusName; noteRequired: boolean; monthRequired: boolean; defaultMonth: string | null };

export type EntitlementDetail = {
  id: string;
  version: number;
  status: EntitlementStatusName;
  child: { id: string; name: string; age: number; areaName: string };
  benefit: BenefitDefinition;
  appliedOn: string;
  dueOn: string | null;
  isOverdue: boolean;
  decidedOn: string | null;
  startMonth: string | null;
  endMonth: string | null;
  monthlyAmountFen: number | null;
  eligibleOnApply: boolean;
  eligibility: StoredVerdict | null;
  justification: string | null;
  note: string | null;
  statusReason: string | null;
  /** The director adds photos of the documents while the application is hers to complete. */
  canUploadDocuments: boolean;
  moves: EntitlementMove[];
  timeline: EntitlementTimelineEntry[];
};

const month = (d: Date | null) => (d ? monthOf(isoDate(d)) : null);

/** One application with its rule verdict, its history and the moves this actor may make; out of scope is NotFoundError (audited). */
export async function getEntitlement(actor: Actor, entitlementId: string): Promise<EntitlementDetail> {
  await assertCan(actor, "read", "entitlement");
  if (!isUuid(entitlementId)) throw new NotFoundError();
  const detail = await db().$transaction(async (tx) => {
    const row = await tx.entitlement.findFirst({
      where: { id: entitlementId, ...scopeWhere(actor) },
      select: {
        id: true,
        version: true,
        status: true,
        type: true,
        areaCode: true,
        appliedOn: true,
        dueOn: true,
        decidedOn: true,
        startMonth: true,
        endMonth: true,
        monthlyAmountFen: true,
        eligibleOnApply: true,
        eligibility: true,
        justification: true,
        note: true,
        statusReason: true,
        child: { select: { id: true, name: true, dateOfBirth: true, areaName: true } },
        events: { select: { id: true, fromStatus: true, toStatus: true, actorId: true, actorRole: true, note: true, month: true, occurredAt: true }, orderBy: { occurredAt: "asc" } },
      },
    });
    if (!row) {
      await writeAudit(tx, actor, { action: "read", entity: "entitlement", entityId: entitlementId, outcome: "DENIED" });
      return null;
    }
    await writeAudit(tx, actor, { action: "read", entity: "entitlement", entityId: row.id, areaCode: row.areaCode });
    const nameOf = await actorNames(tx, row.events);
    const today = todayInChina();
    const appliedOn = isoDate(row.appliedOn);
    const dueOn = row.dueOn ? isoDate(row.dueOn) : null;
    return {
      id: row.id,
      version: row.version,
      status: row.status,
      child: { id: row.child.id, name: row.child.name, age: ageOn(isoDate(row.child.dateOfBirth), today), areaName: shortAreaName(row.child.areaName) },
      benefit: await getBenefit(tx, row.type),
      appliedOn,
      dueOn,
      isOverdue: isEntitlementOverdue(row.status, dueOn, today),
      decidedOn: row.decidedOn ? isoDate(row.decidedOn) : null,
      startMonth: month(row.startMonth),
      endMonth: month(row.endMonth),
      monthlyAmountFen: row.monthlyAmountFen,
      eligibleOnApply: row.eligibleOnApply,
      eligibility: readStoredVerdict(row.eligibility),
      justification: row.justification,
      note: row.note,
      statusReason: row.statusReason,
      canUploadDocuments: actor.role === "VILLAGE_DIRECTOR" && (row.status === "APPLIED" || row.status === "RETURNED"),
      moves: allowedEntitlementTransitions(row.status, actor.role).map((m) => ({
        to: m.to,
        noteRequired: m.noteRequired,
        monthRequired: m.monthRequired,
        defaultMonth: !m.monthRequired ? null : m.to === "CONFIRMED" ? defaultStartMonth(today, appliedOn) : monthOf(today),
      })),
      timeline: row.events.map((e) => ({
        id: e.id,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        actorName: nameOf(e.actorId),
        actorRole: e.actorRole,
        note: e.note,
        month: month(e.month),
        occurredAt: e.occurredAt.toISOString(),
      })),
    } satisfies EntitlementDetail;
  });
  if (!detail) throw new NotFoundError();
  return detail;
}
