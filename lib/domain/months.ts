import { todayInChina } from "./dates";

// A benefit month is written "yyyy-MM" in forms and URLs and stored as the date of its first day.

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(value: unknown): value is string {
  return typeof value === "string" && MONTH_PATTERN.test(value) && value >= "1900-01";
}

/** The current month in Beijing ("2026-11"), whatever the server's zone. */
export function currentMonth(now: Date = new Date()): string {
  return todayInChina(now).slice(0, 7);
}

/** "2026-11" → "2026-11-01", the stored form. */
export function monthStart(month: string): string {
  return `${month}-01`;
}

/** "2026-11" + (-12) → "2025-11": calendar arithmetic on the digits, no time zone involved. */
export function addMonths(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}
