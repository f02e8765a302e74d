import "server-only";
import { shortAreaName } from "@/lib/domain/area-code";
import { isoDate, todayInChina } from "@/lib/domain/dates";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { db } from "../db";
import type { Actor } from "../session";

export type ReferralStatusName =
  | "DRAFT"
  | "SUBMITTED"
  | "RETURNED"
  | "APPROVED"
  | "REJECTED"
  | "REFERRED"
  | "IN_PROGRESS"
  | "RESOLVED"
  | "CLOSED_UNRESOLVED";

export type ReferralListItem = {
  id: string;
  childId: string;
  childName: string;
  areaName: string;
  type: string;
  status: ReferralStatusName;
  dueOn: string | null;
  isOverdue: boolean;
};

export async function listReferrals(actor: Actor, filter: { status?: ReferralStatusName[]; take?: number } = {}) {
  assertCan(actor, "list", "referral");
  const rows = await db().referral.findMany({
    where: { ...scopeWhere(actor), ...(filter.status ? { status: { in: filter.status } } : {}) },
    select: { id: true, type: true, status: true, dueOn: true, child: { select: { id: true, name: true, areaName: true } } },
    orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: Math.min(filter.take ?? 100, 500),
  });
  const today = todayInChina();
  return rows.map((r): ReferralListItem => {
    const dueOn = r.dueOn ? isoDate(r.dueOn) : null;
    return {
      id: r.id,
      childId: r.child.id,
      childName: r.child.name,
      areaName: shortAreaName(r.child.areaName),
      type: r.type,
      status: r.status,
      dueOn,
      isOverdue: dueOn !== null && dueOn < today && !["RESOLVED", "CLOSED_UNRESOLVED", "REJECTED"].includes(r.status),
    };
  });
}
