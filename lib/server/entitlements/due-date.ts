import "server-only";
import { dateValue, todayInChina } from "@/lib/domain/dates";
import { entitlementDeadlineDays } from "@/lib/domain/entitlement-workflow";
import type { EntitlementStatusName } from "@/lib/domain/enums";
import { addWorkingDays } from "@/lib/domain/working-days";
import type { Tx } from "../db";
import { loadWorkCalendar } from "../referral-deadlines/due-date";

/**
 * The due date of an entitlement entering `status` at `now`: the catalogue's working days counted from
 * that Beijing day (holidays and make-up workdays from the holidays table), or null without a deadline.
 */
export async function entitlementDueOn(
  tx: Pick<Tx, "holiday">,
  benefit: { checkDays: number; confirmDays: number },
  status: EntitlementStatusName,
  now: Date = new Date(),
): Promise<Date | null> {
  const days = entitlementDeadlineDays(status, benefit);
  if (days === null) return null;
  const entered = todayInChina(now);
  return dateValue(addWorkingDays(entered, days, await loadWorkCalendar(tx, entered)));
}
