import { describe, expect, it } from "vitest";
import { addCalendarDays, addWorkingDays, calendarDaysBetween, isWorkingDay, workingDaysBetween, type WorkCalendar } from "@/lib/domain/working-days";

// 2027-10-01 (Friday) National Day holiday with a make-up workday on Saturday 2027-10-09: invented test data.
const calendar: WorkCalendar = new Map([
  ["2027-10-01", false],
  ["2027-10-04", false],
  ["2027-10-05", false],
  ["2027-10-09", true],
]);

describe("working days", () => {
  it("counts Monday to Friday as working days and the weekend as rest", () => {
    expect(isWorkingDay("2026-03-02")).toBe(true); // Monday
    expect(isWorkingDay("2026-03-06")).toBe(true); // Friday
    expect(isWorkingDay("2026-03-07")).toBe(false); // Saturday
    expect(isWorkingDay("2026-03-08")).toBe(false); // Sunday
  });

  it("treats a listed holiday as rest and a listed make-up Saturday as work", () => {
    expect(isWorkingDay("2027-10-01", calendar)).toBe(false);
    expect(isWorkingDay("2027-10-09", calendar)).toBe(true);
  });

  it("skips the weekend: five working days after a Wednesday is the next Wednesday", () => {
    expect(addWorkingDays("2026-03-04", 5)).toBe("2026-03-11");
  });

  it("does not count the start day, and zero days is the start day", () => {
    expect(addWorkingDays("2026-03-02", 1)).toBe("2026-03-03");
    expect(addWorkingDays("2026-03-07", 0)).toBe("2026-03-07");
  });

  it("skips holidays and counts the make-up workday", () => {
    // Thu 30 Sep → Mon 4, Tue 5 off; Wed 6, Thu 7, Fri 8, Sat 9 (make-up), Mon 11.
    expect(addWorkingDays("2027-09-30", 5, calendar)).toBe("2027-10-11");
    expect(addWorkingDays("2027-09-30", 5)).toBe("2027-10-07");
  });

  it("crosses month ends, year ends and a leap day", () => {
    expect(addWorkingDays("2026-01-30", 1)).toBe("2026-02-02");
    expect(addWorkingDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addWorkingDays("2027-12-31", 1)).toBe("2028-01-03");
    expect(addWorkingDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addCalendarDays("2028-02-28", 2)).toBe("2028-03-01");
  });

  it("counts the working days between two dates, excluding the first and including the last", () => {
    expect(workingDaysBetween("2026-03-04", "2026-03-11")).toBe(5);
    expect(workingDaysBetween("2027-09-30", "2027-10-11", calendar)).toBe(5);
    expect(workingDaysBetween("2026-03-11", "2026-03-04")).toBe(0);
  });

  it("is the inverse of adding working days", () => {
    for (let days = 0; days <= 30; days += 1) {
      expect(workingDaysBetween("2027-09-20", addWorkingDays("2027-09-20", days, calendar), calendar)).toBe(days);
    }
  });

  it("counts calendar days across a year end", () => {
    expect(calendarDaysBetween("2026-12-30", "2027-01-02")).toBe(3);
  });

  it("refuses a negative number of days", () => {
    expect(() => addWorkingDays("2026-03-02", -1)).toThrow(RangeError);
  });
});
