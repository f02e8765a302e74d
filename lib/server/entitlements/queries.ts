import "server-only";
import { shortAreaName } from "@/lib/domain/area-code";
import { dateValue, isoDate, todayInChina } from "@/lib/domain/dates";
import { DEADLINE_STATUSES, isEntitlementOverdue } from "@/lib/domain/entitlement-workflow";
import type { BenefitTypeName, EntitlementStatusName } from "@/lib/domain/enums";
import { isUuid } from "@/lib/domain/ids";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { db } from "../db";
import type { Actor } from "../session";

export type EntitlementListItem = {
  id: string;
  childId: string;
  childName: string;
  areaName: string;
  benefit: BenefitTypeName;
  status: EntitlementStatusName;
  appliedOn: string;
  dueOn: string | null;
  isOverdue: boolean;
  /** false: applied although the rule said "not eligible" (with a justification); flagged wherever listed. */
  eligibleOnApply: boolean;
};

export type EntitlementFilter = { status?: EntitlementStatusName; benefit?: BenefitTypeName; overdue?: boolean; flagged?: boolean; childId?: string };

export const ENTITLEMENT_LIST_LIMIT = 200;

const listSelect = {
  id: true,
  type: true,
  status: true,
  appliedOn: true,
  dueOn: true,
  eligibleOnApply: true,
  child: { select: { id: true, name: true, areaName: true } },
} satisfies Prisma.EntitlementSelect;

/** Overdue = the deadline of the current state (check or confirmation) has passed, Beijing day. */
export function entitlementOverdueWhere(today: string): Prisma.EntitlementWhereInput {
  return { dueOn: { lt: dateValue(today) }, status: { in: [...DEADLINE_STATUSES] } };
}

// Spelled out rather than NOT(overdue): a NULL due date would make the negation NULL and drop the row.
function notOverdueWhere(today: string): Prisma.EntitlementWhereInput {
  return { OR: [{ dueOn: null }, { dueOn: { gte: dateValue(today) } }, { status: { notIn: [...DEADLINE_STATUSES] } }] };
}

/** Applications in the actor's area: the overdue ones first (the longest overdue on top), then the newest. At most 200. */
export async function listEntitlements(actor: Actor, filter: EntitlementFilter = {}): Promise<EntitlementListItem[]> {
  await assertCan(actor, "list", "entitlement");
  const today = todayInChina();
  // A malformed child id filters to nothing rather than failing the page.
  const child = filter.childId === undefined ? {} : { childId: isUuid(filter.childId) ? filter.childId : "00000000-0000-0000-0000-000000000000" };
  const where: Prisma.EntitlementWhereInput = {
    ...scopeWhere(actor),
    ...child,
    ...(filter.benefit ? { type: filter.benefit } : {}),
    ...(filter.flagged ? { eligibleOnApply: false } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
  const overdue = await db().entitlement.findMany({
    where: { AND: [where, entitlementOverdueWhere(today)] },
    select: listSelect,
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    take: ENTITLEMENT_LIST_LIMIT,
  });
  const rest =
    filter.overdue || overdue.length >= ENTITLEMENT_LIST_LIMIT
      ? []
      : await db().entitlement.findMany({
          where: { AND: [where, notOverdueWhere(today)] },
          select: listSelect,
          orderBy: [{ createdAt: "desc" }, { id: "asc" }],
          take: ENTITLEMENT_LIST_LIMIT - overdue.length,
        });
  return [...overdue, ...rest].map((r) => {
    const dueOn = r.dueOn ? isoDate(r.dueOn) : null;
    return {
      id: r.id,
      childId: r.child.id,
      childName: r.child.name,
      areaName: shortAreaName(r.child.areaName),
      benefit: r.type,
      status: r.status,
      appliedOn: isoDate(r.appliedOn),
      dueOn,
      isOverdue: isEntitlementOverdue(r.status, dueOn, today),
      eligibleOnApply: r.eligibleOnApply,
    };
  });
}
