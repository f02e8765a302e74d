// Working days in mainland China: Monday to Friday, except public holidays, plus the weekend days the
// State Council declares working days (调休上班). Computed on ISO dates (yyyy-MM-dd) with UTC arithmetic,
// so the server's time zone never shifts a day.

/** The holidays table as a lookup: day → isWorkday (true for a make-up working day, false for a holiday). */
export type WorkCalendar = ReadonlyMap<string, boolean>;

export const EMPTY_CALENDAR: WorkCalendar = new Map();

const DAY_MS = 86_400_000;

function toUtc(iso: string): number {
  return Date.parse(`${iso}T00:00:00.000Z`);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The ISO date `days` calendar days after `iso` (negative goes back). */
export function addCalendarDays(iso: string, days: number): string {
  return fromUtc(toUtc(iso) + days * DAY_MS);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export function isWorkingDay(iso: string, calendar: WorkCalendar = EMPTY_CALENDAR): boolean {
  const listed = calendar.get(iso);
  if (listed !== undefined) return listed;
  const weekday = new Date(toUtc(iso)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The day by which `days` working days have passed after `start` (the start day itself does not count,
 * as in "decide within 5 working days of submission"). 0 days returns the start day.
 */
export function addWorkingDays(start: string, days: number, calendar: WorkCalendar = EMPTY_CALENDAR): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError("days must be a non-negative integer");
  let day = start;
  let left = days;
  while (left > 0) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(day, calendar)) left -= 1;
  }
  return day;
}

/** Working days after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar = EMPTY_CALENDAR): number {
  let count = 0;
  for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) {
    if (isWorkingDay(day, calendar)) count += 1;
  }
  return count;
}
