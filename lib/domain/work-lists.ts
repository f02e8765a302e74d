import { ageOn } from "./dates";
import type { ParentStatusName } from "./enums";
import type { SchoolStageName } from "./school-stage";

// The rules behind the director's "today's work" lists. Dates are ISO calendar dates (yyyy-MM-dd) in
// Asia/Shanghai, computed as UTC calendar arithmetic so the process's zone never matters.

export const DUE_SOON_DAYS = 7; // today … today+6: "this week"
export const TURNING_WINDOW_DAYS = 60;
/** 16 ends 农村留守儿童 (and 流动儿童) status; 18 ends every child allowance (domain.md). */
export const AGE_THRESHOLDS = [16, 18] as const;
export type AgeThreshold = (typeof AGE_THRESHOLDS)[number];

function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

export function addDays(iso: string, days: number): string {
  return new Date((dayNumber(iso) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Days a planned visit is late (逾期N天); 0 when it is not yet due. */
export function overdueDays(nextVisitOn: string, today: string): number {
  return Math.max(0, daysBetween(nextVisitOn, today));
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The latest date of birth that is `age` years old on `day`. ageOn compares month-days as text, so a
 * child born on 29 February turns a year older on 1 March in other years: clamping to 28 February
 * gives the same answer for every real date of birth.
 */
export function latestBirthDateAged(age: number, day: string): string {
  const year = Number(day.slice(0, 4)) - age;
  const monthDay = day.slice(5) === "02-29" && !isLeapYear(year) ? "02-28" : day.slice(5);
  return `${String(year).padStart(4, "0")}-${monthDay}`;
}

/** The day a child born on `dateOfBirth` reaches `age` (the first day ageOn says so). */
export function dayTurning(dateOfBirth: string, age: number): string {
  const year = Number(dateOfBirth.slice(0, 4)) + age;
  const monthDay = dateOfBirth.slice(5) === "02-29" && !isLeapYear(year) ? "03-01" : dateOfBirth.slice(5);
  return `${year}-${monthDay}`;
}

/**
 * Dates of birth (bornAfter < dob ≤ bornOnOrBefore) of the children who reach `age` between today and
 * today + window days, both included: the database filter for the "turning 16/18" list.
 */
export function turningWindow(age: number, today: string, windowDays = TURNING_WINDOW_DAYS) {
  return { bornAfter: latestBirthDateAged(age, addDays(today, -1)), bornOnOrBefore: latestBirthDateAged(age, addDays(today, windowDays)) };
}

export type Turning = { age: AgeThreshold; on: string; inDays: number };

/** The next threshold (16 or 18) this child reaches within the window, or null. */
export function upcomingThreshold(dateOfBirth: string, today: string, windowDays = TURNING_WINDOW_DAYS): Turning | null {
  const end = addDays(today, windowDays);
  for (const age of AGE_THRESHOLDS) {
    if (ageOn(dateOfBirth, addDays(today, -1)) < age && ageOn(dateOfBirth, end) >= age) {
      const on = dayTurning(dateOfBirth, age);
      return { age, on, inDays: daysBetween(today, on) };
    }
  }
  return null;
}

// ---- Files missing key data (the checklist a supervisor's spot-check would ask for) ----

export const MISSING_ITEMS = [
  "GUARDIAN_PHONE",
  "PARENT_WHEREABOUTS",
  "ENTRUSTED_GUARDIAN",
  "ENTRUSTMENT_CONFIRMATION",
  "SCHOOL_NAME",
  "OUT_OF_SCHOOL_REASON",
  "NO_ID_REASON",
  "CONSENT_GIVEN_BY",
] as const;
export type MissingItem = (typeof MISSING_ITEMS)[number];

/** Stages in which the child attends a school whose name the file must carry. */
export const SCHOOL_NAME_STAGES: readonly SchoolStageName[] = ["PRIMARY", "JUNIOR_SECONDARY", "SENIOR_SECONDARY", "VOCATIONAL"];

export type KeyDataFacts = {
  fatherStatus: ParentStatusName;
  motherStatus: ParentStatusName;
  guardians: { phone: string | null; isEntrusted: boolean; confirmationSignedOn: string | null }[];
  schoolStage: SchoolStageName;
  schoolName: string | null;
  outOfSchoolReason: string | null;
  hasIdNumber: boolean;
  noIdReason: string | null;
  consentBasis: string;
  consentGivenBy: string | null;
};

const blank = (value: string | null) => value === null || value.trim() === "";

/**
 * Entrusted guardianship is needed when a parent works away and no parent is at home to care
 * (父母双方外出务工, or one away and the other unable): the parent at home is the guardian otherwise.
 */
export function needsEntrustedGuardian(father: ParentStatusName, mother: ParentStatusName): boolean {
  return (father === "WORKING_AWAY" || mother === "WORKING_AWAY") && father !== "AT_HOME" && mother !== "AT_HOME";
}

/** What a child's file lacks, in the order the list shows it; empty when the file is complete. */
export function missingKeyData(facts: KeyDataFacts): MissingItem[] {
  const missing: MissingItem[] = [];
  if (!facts.guardians.some((g) => !blank(g.phone))) missing.push("GUARDIAN_PHONE");
  if (facts.fatherStatus === "UNKNOWN" || facts.motherStatus === "UNKNOWN") missing.push("PARENT_WHEREABOUTS");
  if (needsEntrustedGuardian(facts.fatherStatus, facts.motherStatus)) {
    const entrusted = facts.guardians.filter((g) => g.isEntrusted);
    // 委托监护确认书: the entrusted guardian is named in a confirmation the parents sign.
    if (entrusted.length === 0) missing.push("ENTRUSTED_GUARDIAN");
    else if (!entrusted.some((g) => g.confirmationSignedOn !== null)) missing.push("ENTRUSTMENT_CONFIRMATION");
  }
  if (SCHOOL_NAME_STAGES.includes(facts.schoolStage) && blank(facts.schoolName)) missing.push("SCHOOL_NAME");
  if (facts.schoolStage === "OUT_OF_SCHOOL" && blank(facts.outOfSchoolReason)) missing.push("OUT_OF_SCHOOL_REASON");
  if (!facts.hasIdNumber && blank(facts.noIdReason)) missing.push("NO_ID_REASON");
  if (facts.consentBasis === "GUARDIAN_CONSENT" && blank(facts.consentGivenBy)) missing.push("CONSENT_GIVEN_BY");
  return missing;
}
