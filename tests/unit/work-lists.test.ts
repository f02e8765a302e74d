import { describe, expect, it } from "vitest";
import { CHILD_CATEGORIES, SPECIALLY_PROTECTED } from "@/lib/domain/categories";
import { ageOn } from "@/lib/domain/dates";
import {
  addDays,
  daysBetween,
  missingKeyData,
  needsEntrustedGuardian,
  overdueDays,
  turningWindow,
  upcomingThreshold,
  type KeyDataFacts,
} from "@/lib/domain/work-lists";
import { childSearchQuery, parseChildSearch, SEARCHABLE_CATEGORIES } from "@/lib/schemas/child-search";

describe("work-list dates", () => {
  it("adds days across month, year and leap-day boundaries whatever the process's zone", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2026-03-08", -60)).toBe("2026-01-07");
    expect(daysBetween("2025-12-25", "2026-01-04")).toBe(10);
  });

  it("counts a visit overdue from the day after it was due", () => {
    expect(overdueDays("2026-05-10", "2026-05-10")).toBe(0);
    expect(overdueDays("2026-05-10", "2026-05-11")).toBe(1);
    expect(overdueDays("2026-05-20", "2026-05-11")).toBe(0);
  });
});

describe("children turning 16 or 18", () => {
  it("includes a birthday today and on day 60, and nothing a day outside", () => {
    expect(upcomingThreshold("2010-06-01", "2026-06-01")).toEqual({ age: 16, on: "2026-06-01", inDays: 0 });
    expect(upcomingThreshold("2010-07-31", "2026-06-01")).toEqual({ age: 16, on: "2026-07-31", inDays: 60 });
    expect(upcomingThreshold("2010-08-01", "2026-06-01")).toBeNull();
    expect(upcomingThreshold("2010-05-31", "2026-06-01")).toBeNull();
    expect(upcomingThreshold("2008-06-11", "2026-06-01")).toEqual({ age: 18, on: "2026-06-11", inDays: 10 });
    expect(upcomingThreshold("2009-06-11", "2026-06-01")).toBeNull();
  });

  it("lets a child born on 29 February turn a year older on 1 March in other years, as ageOn does", () => {
    expect(upcomingThreshold("2008-02-29", "2026-01-15")).toEqual({ age: 18, on: "2026-03-01", inDays: 45 });
  });

  it("gives the database a birth-date window that matches the rule on every day of a leap year", () => {
    const births = Array.from({ length: 3 * 366 }, (_, i) => addDays("2006-01-01", i));
    for (let day = 0; day < 366; day += 1) {
      const today = addDays("2024-01-01", day);
      for (const age of [16, 18] as const) {
        const { bornAfter, bornOnOrBefore } = turningWindow(age, today);
        for (const dob of births) {
          const inWindow = dob > bornAfter && dob <= bornOnOrBefore;
          const byRule = ageOn(dob, addDays(today, -1)) < age && ageOn(dob, addDays(today, 60)) >= age;
          if (inWindow !== byRule) throw new Error(`${age} on ${today} for ${dob}: window ${inWindow}, rule ${byRule}`);
        }
      }
    }
  });
});

describe("files missing key data", () => {
  const complete: KeyDataFacts = {
    fatherStatus: "AT_HOME",
    motherStatus: "WORKING_AWAY",
    guardians: [{ phone: "13800000000", isEntrusted: false, confirmationSignedOn: null }],
    schoolStage: "PRIMARY",
    schoolName: "城关小学",
    outOfSchoolReason: null,
    hasIdNumber: true,
    noIdReason: null,
    consentBasis: "GUARDIAN_CONSENT",
    consentGivenBy: "王秀英",
  };

  it("finds nothing in a complete file", () => {
    expect(missingKeyData(complete)).toEqual([]);
  });

  it("asks for a guardian's phone, the parents' whereabouts, the school name, the reason for leaving school, the reason for no ID and who consented", () => {
    expect(missingKeyData({ ...complete, guardians: [{ phone: "", isEntrusted: false, confirmationSignedOn: null }] })).toEqual(["GUARDIAN_PHONE"]);
    expect(missingKeyData({ ...complete, guardians: [] })).toEqual(["GUARDIAN_PHONE"]);
    expect(missingKeyData({ ...complete, motherStatus: "UNKNOWN" })).toEqual(["PARENT_WHEREABOUTS"]);
    expect(missingKeyData({ ...complete, schoolStage: "VOCATIONAL", schoolName: null })).toEqual(["SCHOOL_NAME"]);
    expect(missingKeyData({ ...complete, schoolStage: "PRESCHOOL", schoolName: null })).toEqual([]);
    expect(missingKeyData({ ...complete, schoolStage: "OUT_OF_SCHOOL", schoolName: null })).toEqual(["OUT_OF_SCHOOL_REASON"]);
    expect(missingKeyData({ ...complete, hasIdNumber: false })).toEqual(["NO_ID_REASON"]);
    expect(missingKeyData({ ...complete, hasIdNumber: false, noIdReason: "未办理出生登记" })).toEqual([]);
    expect(missingKeyData({ ...complete, consentGivenBy: "" })).toEqual(["CONSENT_GIVEN_BY"]);
    expect(missingKeyData({ ...complete, consentBasis: "STATUTORY_DUTY", consentGivenBy: null })).toEqual([]);
  });

  it("asks for an entrusted guardian and her signed confirmation only when no parent is at home", () => {
    expect(needsEntrustedGuardian("WORKING_AWAY", "AT_HOME")).toBe(false);
    expect(needsEntrustedGuardian("WORKING_AWAY", "DECEASED")).toBe(true);
    expect(needsEntrustedGuardian("DECEASED", "MISSING")).toBe(false);
    const away = { ...complete, fatherStatus: "WORKING_AWAY", motherStatus: "WORKING_AWAY" } as const;
    expect(missingKeyData(away)).toEqual(["ENTRUSTED_GUARDIAN"]);
    const entrusted = { phone: "13800000000", isEntrusted: true, confirmationSignedOn: null };
    expect(missingKeyData({ ...away, guardians: [entrusted] })).toEqual(["ENTRUSTMENT_CONFIRMATION"]);
    expect(missingKeyData({ ...away, guardians: [{ ...entrusted, confirmationSignedOn: "2025-03-01" }] })).toEqual([]);
  });
});

describe("the children list's search parameters", () => {
  it("offers every category except the specially protected one", () => {
    expect([...SEARCHABLE_CATEGORIES].sort()).toEqual(CHILD_CATEGORIES.filter((c) => !SPECIALLY_PROTECTED.includes(c)).sort());
    expect(parseChildSearch({ category: "HIV_AFFECTED" }).category).toBeUndefined();
  });

  it("keeps good values, drops a bad one, and resets everything for an unknown key", () => {
    expect(parseChildSearch({ q: "  张 ", risk: "RED", page: "3", school: "IN_SCHOOL" })).toMatchObject({ q: "张", risk: "RED", page: 3, school: "IN_SCHOOL", status: "ACTIVE" });
    expect(parseChildSearch({ risk: "PURPLE", page: "2" })).toEqual({ page: 2, status: "ACTIVE" });
    expect(parseChildSearch({ page: "0" }).page).toBe(1);
    expect(parseChildSearch({ page: "1.5" }).page).toBe(1);
    expect(parseChildSearch({ risk: "RED", evil: "1" })).toEqual({ page: 1, status: "ACTIVE" });
  });

  it("writes a search back as a short query string that parses to the same search", () => {
    const search = parseChildSearch({ q: "zhang", category: "ORPHAN", status: "CLOSED", page: "2" });
    const query = childSearchQuery(search);
    expect(query).toBe("?q=zhang&category=ORPHAN&status=CLOSED&page=2");
    expect(parseChildSearch(Object.fromEntries(new URLSearchParams(query)))).toEqual(search);
    expect(childSearchQuery(parseChildSearch({}))).toBe("");
  });
});
