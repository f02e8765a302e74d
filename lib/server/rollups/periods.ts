import "server-only";
import { INDICATORS, TREND_MONTHS } from "@/lib/domain/indicators";
import { addMonths, currentMonth, monthStart } from "@/lib/domain/months";

export const STOCK_IDS: string[] = INDICATORS.filter((i) => i.kind === "stock").map((i) => i.id);
export const FLOW_IDS: string[] = INDICATORS.filter((i) => i.kind === "flow").map((i) => i.id);

/** The periods a job recomputes: stock for the current month, flow for [flowFrom, flowTo). */
export type Window = { today: string; current: string; flowFrom: string; flowTo: string };

/** `months` months of flow indicators ending with the current one (refresh: 2; rebuild: TREND_MONTHS). */
export function windowOf(today: string, months: number = TREND_MONTHS): Window {
  const month = currentMonth(new Date(`${today}T12:00:00+08:00`));
  return {
    today,
    current: monthStart(month),
    flowFrom: monthStart(addMonths(month, 1 - months)),
    flowTo: monthStart(addMonths(month, 1)),
  };
}
