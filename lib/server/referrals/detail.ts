import "server-only";
import { shortAreaName } from "@/lib/domain/area-code";
import { isoDate, todayInChina } from "@/lib/domain/dates";
import type { ReferralTypeName } from "@/lib/domain/enums";
import { isUuid } from "@/lib/domain/ids";
import { allowedTransitions, isOpenStatus, type ReferralStatusName, type TransitionField } from "@/lib/domain/referral-workflow";
import type { RoleName } from "@/lib/domain/roles";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { actorNames } from "../users/actor-names";
import { db } from "../db";
import type { Actor } from "../session";

export type ReferralTimelineEntry = {
  id: string;
  fromStatus: ReferralStatusName | null;
  toStatus: ReferralStatusName;
  actorName: string | null;
  actorRole: RoleName | null;
  note: string | null;
  occurredAt: string;
};

export type ReferralMove = { to: ReferralStatusName; noteRequired: boolean; required: TransitionField[]; optional: TransitionField[] };

export type ReferralDetail = {
  id: string;
  childId: string;
  childName: string;
  areaName: string;
  type: ReferralTypeName;
  agency: string;
  reason: string;
  status: ReferralStatusName;
  version: number;
  dueOn: string | null;
  isOverdue: boolean;
  referredOn: string | null;
  outcome: string | null;
  createdAt: string;
  /** The director may edit the type, agency and reason while the referral is a draft or returned. */
  isEditable: boolean;
  moves: ReferralMove[];
  timeline: ReferralTimelineEntry[];
};

/** One referral with its approval chain and the moves this actor may make now; out of scope is null (audited). */
export async function getReferral(actor: Actor, referralId: string): Promise<ReferralDetail | null> {
  await assertCan(actor, "read", "referral");
  if (!isUuid(referralId)) return null;
  return db().$transaction(async (tx) => {
    const row = await tx.referral.findFirst({
      where: { id: referralId, ...scopeWhere(actor) },
      select: {
        id: true,
        type: true,
        agency: true,
        reason: true,
        status: true,
        version: true,
        dueOn: true,
        referredOn: true,
        outcome: true,
        createdAt: true,
        createdById: true,
        areaCode: true,
        child: { select: { id: true, name: true, areaName: true } },
        events: { select: { id: true, fromStatus: true, toStatus: true, actorId: true, actorRole: true, note: true, occurredAt: true }, orderBy: { occurredAt: "asc" } },
      },
    });
    if (!row) {
      await writeAudit(tx, actor, { action: "read", entity: "referral", entityId: referralId, outcome: "DENIED" });
      return null;
    }
    await writeAudit(tx, actor, { action: "read", entity: "referral", entityId: row.id, areaCode: row.areaCode });
    const nameOf = await actorNames(tx, row.events);
    const dueOn = row.dueOn ? isoDate(row.dueOn) : null;
    return {
      id: row.id,
      childId: row.child.id,
      childName: row.child.name,
      areaName: shortAreaName(row.child.areaName),
      type: row.type,
      agency: row.agency,
      reason: row.reason,
      status: row.status,
      version: row.version,
      dueOn,
      isOverdue: dueOn !== null && dueOn < todayInChina() && isOpenStatus(row.status),
      referredOn: row.referredOn ? isoDate(row.referredOn) : null,
      outcome: row.outcome,
      createdAt: row.createdAt.toISOString(),
      isEditable: actor.role === "VILLAGE_DIRECTOR" && (row.status === "DRAFT" || row.status === "RETURNED"),
      moves: allowedTransitions(row.status, actor, row.createdById)
        .map((m) => ({ to: m.to, noteRequired: m.noteRequired, required: [...m.required], optional: row.type === "CIVIL_REGISTRATION" ? [...m.optional] : m.optional.filter((f) => f !== "idNumber") })),
      timeline: row.events.map((e) => ({
        id: e.id,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        actorName: nameOf(e.actorId),
        actorRole: e.actorRole,
        note: e.note,
        occurredAt: e.occurredAt.toISOString(),
      })),
    };
  });
}
