import "server-only";
import { dateValue, todayInChina } from "@/lib/domain/dates";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { db } from "../db";
import { countBenefitGaps, listReviewTasks } from "../eligibility/gaps";
import type { Actor } from "../session";

export type EntitlementWork = { toCheck: number; toConfirm: number; returned: number; overdue: number };

/**
 * The benefit work waiting at each level, for the home pages: applications the township has to check
 * (查验), applications the county has to confirm (确认), applications returned to the director, and
 * open applications past their statutory deadline (Beijing day).
 */
export async function countEntitlementWork(actor: Actor): Promise<EntitlementWork> {
  await assertCan(actor, "list", "entitlement");
  const scope = scopeWhere(actor);
  const today = dateValue(todayInChina());
  const [byStatus, overdue] = await Promise.all([
    db().entitlement.groupBy({
      by: ["status"],
      where: { ...scope, status: { in: ["APPLIED", "CHECKED", "RETURNED"] } },
      _count: { _all: true },
    }),
    db().entitlement.count({ where: { ...scope, status: { in: ["APPLIED", "CHECKED"] }, dueOn: { lt: today } } }),
  ]);
  const count = (status: string) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
  return { toCheck: count("APPLIED"), toConfirm: count("CHECKED"), returned: count("RETURNED"), overdue };
}

export type BenefitOverview = { gaps: { children: number; gaps: number }; work: EntitlementWork; reviews: number };

/** Everything the benefit card of a home page shows (director, township, county), read in parallel. */
export async function getBenefitOverview(actor: Actor): Promise<BenefitOverview> {
  const [gaps, work, reviews] = await Promise.all([countBenefitGaps(actor), countEntitlementWork(actor), listReviewTasks(actor)]);
  return { gaps, work, reviews: reviews.length };
}
