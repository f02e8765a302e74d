import "server-only";
import { dateValue, isoDate, todayInChina } from "@/lib/domain/dates";
import type { ReferralTypeName } from "@/lib/domain/enums";
import { deadlineDays, isDeadlineStatus, type DeadlineOverrides, type ReferralStatusName } from "@/lib/domain/referral-workflow";
import { addCalendarDays, addWorkingDays, type WorkCalendar } from "@/lib/domain/working-days";
import type { Tx } from "../db";

/** The county's overrides (no row ⇒ the national default of lib/domain). */
export async function loadDeadlineOverrides(tx: Pick<Tx, "referralDeadline">, countyCode: string): Promise<DeadlineOverrides> {
  const rows = await tx.referralDeadline.findMany({ where: { countyCode }, select: { status: true, workingDays: true } });
  const overrides: DeadlineOverrides = {};
  for (const row of rows) if (isDeadlineStatus(row.status)) overrides[row.status] = row.workingDays;
  return overrides;
}

/**
 * The holidays and make-up workdays from `from` on. A quarter of a year of calendar days covers the
 * longest deadline (60 working days) even across the Spring Festival.
 */
export async function loadWorkCalendar(tx: Pick<Tx, "holiday">, from: string): Promise<WorkCalendar> {
  const rows = await tx.holiday.findMany({
    where: { day: { gte: dateValue(from), lte: dateValue(addCalendarDays(from, 120)) } },
    select: { day: true, isWorkday: true },
  });
  return new Map(rows.map((r) => [isoDate(r.day), r.isWorkday]));
}

/** The due date of a referral entering `status` at `now` (its Beijing day), or null when the state has no deadline. */
export async function dueOnFor(
  tx: Pick<Tx, "referralDeadline" | "holiday">,
  referral: { areaCode: string; type: ReferralTypeName },
  status: ReferralStatusName,
  now: Date = new Date(),
): Promise<Date | null> {
  const days = deadlineDays(referral.type, status, await loadDeadlineOverrides(tx, referral.areaCode.slice(0, 6)));
  if (days === null) return null;
  const entered = todayInChina(now);
  return dateValue(addWorkingDays(entered, days, await loadWorkCalendar(tx, entered)));
}
