import { describe, expect, it } from "vitest";
import { ageOn, dateValue, isoDate, todayInChina } from "@/lib/domain/dates";

// The unit tests run in America/Sao_Paulo (UTC-3), eleven hours behind Beijing.
describe("todayInChina", () => {
  it("is already tomorrow in Beijing while it is still today in São Paulo", () => {
    expect(process.env.TZ).toBe("America/Sao_Paulo");
    const now = new Date("2026-11-23T17:30:00Z");
    expect(now.getDate()).toBe(23);
    expect(todayInChina(now)).toBe("2026-11-24");
  });

  it("turns at Beijing midnight, 16:00 UTC", () => {
    expect(todayInChina(new Date("2026-11-23T15:59:59.999Z"))).toBe("2026-11-23");
    expect(todayInChina(new Date("2026-11-23T16:00:00Z"))).toBe("2026-11-24");
  });

  it("is still today in Beijing when São Paulo has already moved on to tomorrow's date in UTC", () => {
    // 22:30 in São Paulo on the 23rd is 01:30 UTC on the 24th and 09:30 in Beijing on the 24th.
    expect(todayInChina(new Date("2026-11-24T01:30:00Z"))).toBe("2026-11-24");
    // 20:00 in São Paulo on 31 December is already New Year's Day in Beijing.
    expect(todayInChina(new Date("2026-12-31T23:00:00Z"))).toBe("2027-01-01");
  });
});

describe("ageOn", () => {
  it("adds a year on the birthday itself, not the day before", () => {
    expect(ageOn("2015-03-01", "2026-02-28")).toBe(10);
    expect(ageOn("2015-03-01", "2026-03-01")).toBe(11);
    expect(ageOn("2008-11-24", "2026-11-23")).toBe(17);
    expect(ageOn("2008-11-24", "2026-11-24")).toBe(18);
  });

  it("is zero on the day of birth and through the first year", () => {
    expect(ageOn("2026-11-23", "2026-11-23")).toBe(0);
    expect(ageOn("2025-11-24", "2026-11-23")).toBe(0);
  });

  it("counts birthdays correctly when the birth date fell on a daylight-saving change in the test's zone", () => {
    // Brazil moved clocks from 00:00 to 01:00 on these days: local midnight did not exist.
    expect(ageOn("2015-10-18", "2026-10-17")).toBe(10);
    expect(ageOn("2015-10-18", "2026-10-18")).toBe(11);
    expect(ageOn("2018-11-04", "2026-11-03")).toBe(7);
    expect(ageOn("2018-11-04", "2026-11-04")).toBe(8);
  });
});

describe("calendar dates as stored by the database", () => {
  it("round-trips an ISO date through the UTC-midnight value Prisma uses for @db.Date", () => {
    expect(dateValue("2026-02-28").toISOString()).toBe("2026-02-28T00:00:00.000Z");
    for (const day of ["2026-01-01", "2024-02-29", "2015-10-18", "2026-12-31"]) expect(isoDate(dateValue(day))).toBe(day);
  });
});
