import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

// Every "today" and age in the product is Beijing time, whatever the server's zone (domain.md).
export const ZONE = "Asia/Shanghai";

export function todayInChina(now: Date = new Date()): string {
  return format(new TZDate(now, ZONE), "yyyy-MM-dd");
}

/** Whole years between a date of birth and a day, both ISO dates (yyyy-MM-dd). */
export function ageOn(dateOfBirth: string, day: string): number {
  // Compared as calendar digits: parsing into the process's zone breaks on days with a clock change.
  const [by, bmd] = [Number(dateOfBirth.slice(0, 4)), dateOfBirth.slice(5, 10)];
  const [dy, dmd] = [Number(day.slice(0, 4)), day.slice(5, 10)];
  return dy - by - (dmd < bmd ? 1 : 0);
}

/** ISO date (yyyy-MM-dd) of a Prisma @db.Date value, which arrives as UTC midnight. */
export function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** A Prisma @db.Date value for an ISO date. */
export function dateValue(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}
