import "server-only";
import { shortAreaName } from "@/lib/domain/area-code";
import { dateValue } from "@/lib/domain/dates";
import type { BenefitTypeName } from "@/lib/domain/enums";
import { monthStart } from "@/lib/domain/months";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { db, type Tx } from "../db";
import type { Actor } from "../session";
import { rateFor } from "../benefits/rate-lookup";
import { assertCashBenefit, assertPayableMonth, countyOf } from "./county";

export type PaymentRosterRow = {
  entitlementId: string;
  childName: string;
  areaName: string;
  /** The month's amount in the child's county; null when no amount is set (nothing can be recorded then). */
  amountFen: number | null;
  /** First payment: the entitlement is CONFIRMED and becomes RECEIVING when paid. */
  isFirstPayment: boolean;
  /** An earlier batch of this month recorded the child as not paid. */
  wasNotPaid: boolean;
};

export type PaymentRoster = { benefit: BenefitTypeName; month: string; rows: PaymentRosterRow[]; totalFen: number; hasMissingRate: boolean };

/** What recording needs beyond the DTO: versions for the conditional updates. */
export type RosterEntry = PaymentRosterRow & {
  childId: string;
  areaCode: string;
  status: "RECEIVING" | "CONFIRMED" | "ENDED";
  version: number;
};

/**
 * 发放花名册: the entitlements of `benefit` in the actor's county that are due for `month` and not paid yet.
 * Due means RECEIVING, or CONFIRMED with a start month reached, or ENDED from a later month (all: started by
 * `month`, its end month, the first one not paid, after it), for a child whose file is open.
 * A child paid for this benefit and month through any entitlement is left out, so nobody is paid twice.
 */
export async function loadRoster(tx: Tx, actor: Actor, benefit: BenefitTypeName, month: string): Promise<RosterEntry[]> {
  const day = dateValue(monthStart(month));
  const rows = await tx.entitlement.findMany({
    where: {
      ...scopeWhere(actor),
      type: benefit,
      // A closed file (the child died, turned 18, moved away) is never paid; its benefits show as review tasks.
      child: { status: "ACTIVE" },
      AND: [
        {
          OR: [
            { status: "RECEIVING", OR: [{ startMonth: null }, { startMonth: { lte: day } }] },
            { status: "CONFIRMED", startMonth: { lte: day } },
            // Ended from a later month (the end month is the first one not paid): this month is still owed.
            { status: "ENDED", endMonth: { gt: day }, OR: [{ startMonth: null }, { startMonth: { lte: day } }] },
          ],
        },
        { OR: [{ endMonth: null }, { endMonth: { gt: day } }] },
      ],
      payments: { none: { month: day, status: "PAID" } },
    },
    select: {
      id: true,
      childId: true,
      areaCode: true,
      status: true,
      version: true,
      child: { select: { name: true, areaName: true } },
      payments: { where: { month: day }, select: { status: true } },
    },
    orderBy: [{ areaCode: "asc" }, { child: { namePinyin: "asc" } }, { appliedOn: "asc" }],
  });
  const paidChildren = new Set(
    (
      await tx.benefitPayment.findMany({
        where: { ...scopeWhere(actor), benefitType: benefit, month: day, status: "PAID", childId: { in: rows.map((r) => r.childId) } },
        select: { childId: true },
      })
    ).map((p) => p.childId),
  );
  // One look-up per county, not per child (a county officer's roster has one county).
  const rates = new Map<string, number | null>();
  for (const county of new Set(rows.map((r) => r.areaCode.slice(0, 6)))) rates.set(county, await rateFor(tx, benefit, county, monthStart(month)));
  const seen = new Set<string>();
  const entries: RosterEntry[] = [];
  for (const row of rows) {
    if (paidChildren.has(row.childId) || seen.has(row.childId)) continue;
    seen.add(row.childId);
    const notPaid = row.payments.find((p) => p.status === "NOT_PAID");
    entries.push({
      entitlementId: row.id,
      childId: row.childId,
      childName: row.child.name,
      areaName: shortAreaName(row.child.areaName),
      areaCode: row.areaCode,
      amountFen: rates.get(row.areaCode.slice(0, 6)) ?? null,
      status: row.status as RosterEntry["status"],
      isFirstPayment: row.status === "CONFIRMED",
      wasNotPaid: notPaid !== undefined,
      version: row.version,
    });
  }
  return entries;
}

/** The roster to record for one benefit and month, every row to be paid unless the officer marks an exception. */
export async function listPaymentRoster(actor: Actor, input: { benefit: BenefitTypeName; month: string }): Promise<PaymentRoster> {
  await assertCan(actor, "list", "payment");
  countyOf(actor);
  assertPayableMonth(input.month);
  return db().$transaction(async (tx) => {
    await assertCashBenefit(tx, input.benefit);
    const entries = await loadRoster(tx, actor, input.benefit, input.month);
    return {
      benefit: input.benefit,
      month: input.month,
      rows: entries.map(({ entitlementId, childName, areaName, amountFen, isFirstPayment, wasNotPaid }) => ({ entitlementId, childName, areaName, amountFen, isFirstPayment, wasNotPaid })),
      totalFen: entries.reduce((sum, e) => sum + (e.amountFen ?? 0), 0),
      hasMissingRate: entries.some((e) => e.amountFen === null),
    };
  });
}
