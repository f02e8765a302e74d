import "server-only";
import { shortAreaName } from "@/lib/domain/area-code";
import { todayInChina } from "@/lib/domain/dates";
import { findReviews, gapBenefits, REVIEWED_STATUSES } from "@/lib/domain/eligibility/coverage";
import { evaluateBenefit } from "@/lib/domain/eligibility/rules";
import type { EligibilityReason } from "@/lib/domain/eligibility/types";
import { BENEFIT_TYPES, type BenefitTypeName, type EntitlementStatusName } from "@/lib/domain/enums";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { db } from "../db";
import type { Actor } from "../session";
import { scanScopeFacts, type ChildFacts } from "./facts";

// The gap list and the review tasks: every active child of the jurisdiction evaluated in batches (see
// facts.ts), the rules applied in memory. Aggregate work lists, like the workbench: no audit row.

export type BenefitGap = { childId: string; childName: string; areaName: string; dateOfBirth: string; benefit: BenefitTypeName; reasons: EligibilityReason[] };
export type BenefitGapList = {
  items: BenefitGap[];
  /** Gaps (of the filtered benefit, if any) and the children who have them, over the whole jurisdiction. */
  total: number;
  childCount: number;
  /** Gaps per benefit over the whole jurisdiction, whatever the filter. */
  byBenefit: Partial<Record<BenefitTypeName, number>>;
};
export type ReviewTask = {
  entitlementId: string;
  childId: string;
  childName: string;
  areaName: string;
  benefit: BenefitTypeName;
  status: EntitlementStatusName;
  reasons: EligibilityReason[];
};

export const GAP_PAGE_SIZE = 50;
/** Batch size override for tests (pagination with a handful of children). */
export type ScanTuning = { batchSize?: number };

type ChildGaps = { child: ChildFacts; benefits: BenefitTypeName[] };

const collator = new Intl.Collator("zh-CN");
const benefitOrder = (b: BenefitTypeName) => BENEFIT_TYPES.indexOf(b);
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Child name in pinyin order, then id so that pages are stable. */
const byName = (a: ChildFacts, b: ChildFacts) => collator.compare(a.name, b.name) || byId(a.childId, b.childId);
/** Village name (two villages may share one: then by code), then child name. */
const byPlace = (a: ChildFacts, b: ChildFacts) =>
  collator.compare(shortAreaName(a.areaName), shortAreaName(b.areaName)) || byId(a.areaCode, b.areaCode);

async function collectGaps(actor: Actor, on: string, tuning: ScanTuning, keep: (found: ChildGaps) => void): Promise<void> {
  await scanScopeFacts(actor, { on, batchSize: tuning.batchSize }, (batch) => {
    for (const child of batch) {
      const benefits = gapBenefits(child.facts, child.entitlements, on);
      if (benefits.length > 0) keep({ child, benefits });
    }
  });
}

/**
 * One page of gap rows in village-then-name order, with the reasons. A county has tens of thousands of
 * children with a gap: only the villages are sorted whole, then the children of the villages the page
 * falls in, and only the page's rows are explained.
 */
function gapPage(children: ChildGaps[], from: number, on: string): BenefitGap[] {
  const villages = new Map<string, ChildGaps[]>();
  for (const found of children) {
    const list = villages.get(found.child.areaCode);
    if (list) list.push(found);
    else villages.set(found.child.areaCode, [found]);
  }
  const ordered = [...villages.values()].sort((a, b) => byPlace(a[0]!.child, b[0]!.child));
  const items: BenefitGap[] = [];
  let seen = 0;
  for (const village of ordered) {
    const count = village.reduce((sum, found) => sum + found.benefits.length, 0);
    if (seen + count <= from) {
      seen += count;
      continue;
    }
    for (const { child, benefits } of village.sort((a, b) => byName(a.child, b.child))) {
      for (const benefit of benefits) {
        if (seen++ < from) continue;
        const { reasons } = evaluateBenefit(benefit, child.facts, on);
        items.push({ childId: child.childId, childName: child.name, areaName: shortAreaName(child.areaName), dateOfBirth: child.dateOfBirth, benefit, reasons });
        if (items.length === GAP_PAGE_SIZE) return items;
      }
    }
  }
  return items;
}

/** Children in the jurisdiction who may be missing a benefit, one row per child and benefit, 50 a page. */
export async function listBenefitGaps(
  actor: Actor,
  filter: { benefit?: BenefitTypeName; page?: number },
  tuning: ScanTuning = {},
): Promise<BenefitGapList> {
  await assertCan(actor, "list", "entitlement");
  const on = todayInChina();
  const wanted = filter.benefit;
  const byBenefit: Partial<Record<BenefitTypeName, number>> = {};
  const matching: ChildGaps[] = [];
  let total = 0;
  await collectGaps(actor, on, tuning, ({ child, benefits }) => {
    for (const benefit of benefits) byBenefit[benefit] = (byBenefit[benefit] ?? 0) + 1;
    const shown = wanted ? benefits.filter((benefit) => benefit === wanted) : benefits;
    if (shown.length === 0) return;
    matching.push({ child, benefits: shown });
    total += shown.length;
  });
  const page = Number.isInteger(filter.page) && filter.page! > 1 ? filter.page! : 1;
  return { items: gapPage(matching, (page - 1) * GAP_PAGE_SIZE, on), total, childCount: matching.length, byBenefit };
}

/** "N children may be missing a benefit" (workbench, supervisor, county indicator). */
export async function countBenefitGaps(actor: Actor, tuning: ScanTuning = {}): Promise<{ children: number; gaps: number }> {
  await assertCan(actor, "list", "entitlement");
  const counts = { children: 0, gaps: 0 };
  await collectGaps(actor, todayInChina(), tuning, ({ benefits }) => {
    counts.children++;
    counts.gaps += benefits.length;
  });
  return counts;
}

/**
 * Recurring benefits confirmed, received or suspended that the child no longer qualifies for, with the
 * reasons; then those of closed files (the child died, moved away, turned 18), which are never paid again.
 */
export async function listReviewTasks(actor: Actor, tuning: ScanTuning = {}): Promise<ReviewTask[]> {
  await assertCan(actor, "list", "entitlement");
  const on = todayInChina();
  const recurring = (await db().benefit.findMany({ where: { isRecurring: true }, select: { type: true } })).map((b) => b.type);
  const found: { child: ChildFacts; task: ReviewTask }[] = [];
  await scanScopeFacts(actor, { on, batchSize: tuning.batchSize, reviewable: recurring }, (batch) => {
    for (const child of batch) {
      for (const { entitlement, reasons } of findReviews(child.facts, child.entitlements, on, recurring)) {
        const task = { entitlementId: entitlement.id, childId: child.childId, childName: child.name, areaName: shortAreaName(child.areaName) };
        found.push({ child, task: { ...task, benefit: entitlement.type, status: entitlement.status, reasons } });
      }
    }
  });
  const open = found
    .sort((a, b) => byPlace(a.child, b.child) || byName(a.child, b.child) || benefitOrder(a.task.benefit) - benefitOrder(b.task.benefit))
    .map(({ task }) => task);
  return [...open, ...(await closedFileTasks(actor, recurring))];
}

async function closedFileTasks(actor: Actor, recurring: BenefitTypeName[]): Promise<ReviewTask[]> {
  const rows = await db().entitlement.findMany({
    where: { ...scopeWhere(actor), type: { in: recurring }, status: { in: [...REVIEWED_STATUSES] }, child: { status: "CLOSED" } },
    select: { id: true, type: true, status: true, childId: true, child: { select: { name: true, areaName: true } } },
    orderBy: [{ areaCode: "asc" }, { child: { namePinyin: "asc" } }],
  });
  return rows.map((row) => ({
    entitlementId: row.id,
    childId: row.childId,
    childName: row.child.name,
    areaName: shortAreaName(row.child.areaName),
    benefit: row.type,
    status: row.status,
    reasons: [{ key: "fileClosed" }],
  }));
}
