import { describe, expect, it } from "vitest";
import { addMonths, currentMonth, isMonth, monthStart } from "@/lib/domain/months";

describe("benefit months", () => {
  it("is already December in Beijing on the evening of 30 November in São Paulo", () => {
    expect(currentMonth(new Date("2026-11-30T17:00:00Z"))).toBe("2026-12");
    expect(currentMonth(new Date("2026-11-30T15:59:59Z"))).toBe("2026-11");
  });

  it("adds and subtracts months across years", () => {
    expect(addMonths("2026-11", -12)).toBe("2025-11");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-03", 0)).toBe("2026-03");
  });

  it("accepts only yyyy-MM with a real month", () => {
    expect(isMonth("2026-10")).toBe(true);
    for (const bad of ["2026-13", "2026-00", "2026-1", "26-10", "2026-10-01", "", null]) expect(isMonth(bad)).toBe(false);
  });

  it("stores a month as its first day", () => {
    expect(monthStart("2026-10")).toBe("2026-10-01");
  });
});
