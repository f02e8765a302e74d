import "server-only";
import { shortAreaName } from "@/lib/domain/area-code";
import { dateValue, isoDate, todayInChina } from "@/lib/domain/dates";
import { isUuid } from "@/lib/domain/ids";
import { CLOSED_STATUSES, isOpenStatus, type ReferralStatusName } from "@/lib/domain/referral-workflow";
import { calendarDaysBetween } from "@/lib/domain/working-days";
import type { ReferralTypeName } from "@/lib/domain/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { db } from "../db";
import type { Actor } from "../session";

export type { ReferralStatusName };

export type ReferralListItem = {
  id: string;
  childId: string;
  childName: string;
  areaName: string;
  type: ReferralTypeName;
  agency: string;
  status: ReferralStatusName;
  dueOn: string | null;
  isOverdue: boolean;
};

export type ReferralFilter = { status?: ReferralStatusName[]; overdue?: boolean; childId?: string; take?: number };

const listSelect = {
  id: true,
  type: true,
  agency: true,
  status: true,
  dueOn: true,
  stateEnteredAt: true,
  child: { select: { id: true, name: true, areaName: true } },
} satisfies Prisma.ReferralSelect;

type ListRow = Prisma.ReferralGetPayload<{ select: typeof listSelect }>;

function isOverdue(status: ReferralStatusName, dueOn: string | null, today: string): boolean {
  return dueOn !== null && dueOn < today && isOpenStatus(status);
}

function toListItem(r: ListRow, today: string): ReferralListItem {
  const dueOn = r.dueOn ? isoDate(r.dueOn) : null;
  return {
    id: r.id,
    childId: r.child.id,
    childName: r.child.name,
    areaName: shortAreaName(r.child.areaName),
    type: r.type,
    agency: r.agency,
    status: r.status,
    dueOn,
    isOverdue: isOverdue(r.status, dueOn, today),
  };
}

/** Overdue = the deadline of the current state has passed (Beijing day) and the referral is still open. */
export function overdueWhere(today: string): Prisma.ReferralWhereInput {
  return { dueOn: { lt: dateValue(today) }, status: { notIn: [...CLOSED_STATUSES] } };
}

export async function listReferrals(actor: Actor, filter: ReferralFilter = {}): Promise<ReferralListItem[]> {
  await assertCan(actor, "list", "referral");
  const today = todayInChina();
  // A malformed child id filters to nothing rather than failing the page.
  const child = filter.childId === undefined ? {} : { childId: isUuid(filter.childId) ? filter.childId : "00000000-0000-0000-0000-000000000000" };
  const rows = await db().referral.findMany({
    where: {
      ...scopeWhere(actor),
      ...child,
      AND: [filter.status ? { status: { in: filter.status } } : {}, filter.overdue ? overdueWhere(today) : {}],
    },
    select: listSelect,
    orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: Math.min(filter.take ?? 100, 500),
  });
  return rows.map((r) => toListItem(r, today));
}

export type ApprovalQueueItem = ReferralListItem & { submittedOn: string; daysWaiting: number };

/** The supervisor's approval queue: SUBMITTED referrals in scope, the longest waiting first. */
export async function listApprovalQueue(actor: Actor, take = 100): Promise<ApprovalQueueItem[]> {
  await assertCan(actor, "list", "referral");
  const today = todayInChina();
  const rows = await db().referral.findMany({
    where: { ...scopeWhere(actor), status: "SUBMITTED" },
    select: listSelect,
    orderBy: [{ stateEnteredAt: "asc" }, { id: "asc" }],
    take: Math.min(take, 500),
  });
  return rows.map((r) => {
    const submittedOn = todayInChina(r.stateEnteredAt);
    return { ...toListItem(r, today), submittedOn, daysWaiting: Math.max(0, calendarDaysBetween(submittedOn, today)) };
  });
}

/** For dashboards and workbenches: open referrals in scope past their deadline. */
export async function countOverdueReferrals(actor: Actor): Promise<number> {
  await assertCan(actor, "list", "referral");
  return db().referral.count({ where: { ...scopeWhere(actor), ...overdueWhere(todayInChina()) } });
}
