import { TZDate } from "@date-fns/tz";
import { differenceInYears, format, parseISO } from "date-fns";

// Every "today" and age in the product is Beijing time, whatever the server's zone (domain.md).
export const ZONE = "Asia/Shanghai";

export function todayInChina(now: Date = new Date()): string {
  return format(new TZDate(now, ZONE), "yyyy-MM-dd");
}

/** Whole years between a date of birth and a day, both ISO dates (yyyy-MM-dd). */
export function ageOn(dateOfBirth: string, day: string): number {
  return differenceInYears(parseISO(day), parseISO(dateOfBirth));
}

/** ISO date (yyyy-MM-dd) of a Prisma @db.Date value, which arrives as UTC midnight. */
export function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** A Prisma @db.Date value for an ISO date. */
export function dateValue(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}
