import type { BenefitTypeName, EntitlementStatusName } from "@/lib/domain/enums";
import { dateValue, todayInChina } from "@/lib/domain/dates";
import { db } from "@/lib/server/db";

export type MakeEntitlementInput = {
  child: { id: string; areaCode: string };
  type?: BenefitTypeName;
  status?: EntitlementStatusName;
  appliedOn?: string;
  dueOn?: string | null;
  /** yyyy-MM */
  startMonth?: string | null;
  monthlyAmountFen?: number | null;
  eligibleOnApply?: boolean;
  justification?: string | null;
  createdById?: string | null;
};

/**
 * An entitlement already in `status` (for tests that start mid-workflow, and the demo seed), with the
 * event that opened it. Receiving, suspended and confirmed ones get a start month unless told otherwise.
 */
export async function makeEntitlement(input: MakeEntitlementInput) {
  const status = input.status ?? "APPLIED";
  const started = ["CONFIRMED", "RECEIVING", "SUSPENDED", "ENDED"].includes(status);
  const startMonth = input.startMonth === undefined ? (started ? "2025-01" : null) : input.startMonth;
  return db().entitlement.create({
    data: {
      childId: input.child.id,
      areaCode: input.child.areaCode,
      type: input.type ?? "ORPHAN_ALLOWANCE",
      status,
      appliedOn: dateValue(input.appliedOn ?? todayInChina()),
      dueOn: input.dueOn ? dateValue(input.dueOn) : null,
      startMonth: startMonth ? dateValue(`${startMonth}-01`) : null,
      monthlyAmountFen: input.monthlyAmountFen ?? null,
      eligibleOnApply: input.eligibleOnApply ?? true,
      eligibility: { eligible: input.eligibleOnApply ?? true, reasons: [] },
      justification: input.justification ?? null,
      createdById: input.createdById ?? null,
      events: { create: { areaCode: input.child.areaCode, fromStatus: null, toStatus: status, actorId: input.createdById ?? null } },
    },
    select: { id: true, version: true, status: true },
  });
}
