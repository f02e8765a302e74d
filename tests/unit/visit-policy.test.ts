import { describe, expect, it } from "vitest";
import {
  addDays,
  countyCodeOf,
  DEFAULT_VISIT_INTERVALS,
  isWithinDirectorEditWindow,
  nextVisitDate,
  requiresMandatoryReport,
} from "@/lib/domain/visit-policy";
import { recordVisitSchema } from "@/lib/schemas/visit";

describe("the visit policy", () => {
  it("defaults to a week for red, two weeks for yellow, a month for blue and a quarter for green", () => {
    expect(DEFAULT_VISIT_INTERVALS).toEqual({ RED: 7, YELLOW: 14, BLUE: 30, GREEN: 90 });
    expect(nextVisitDate("2025-03-01", "RED")).toBe("2025-03-08");
    expect(nextVisitDate("2025-03-01", "YELLOW")).toBe("2025-03-15");
    expect(nextVisitDate("2025-03-01", "BLUE")).toBe("2025-03-31");
    expect(nextVisitDate("2025-03-01", "GREEN")).toBe("2025-05-30");
  });

  it("uses a county's own intervals when given", () => {
    expect(nextVisitDate("2025-03-01", "RED", { ...DEFAULT_VISIT_INTERVALS, RED: 3 })).toBe("2025-03-04");
  });

  it("adds days across month ends, leap days and daylight-saving changes of the server's zone", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    // Sao Paulo and other zones change clocks; calendar dates must not shift.
    expect(addDays("2018-11-03", 1)).toBe("2018-11-04");
    expect(addDays("2025-10-25", 7)).toBe("2025-11-01");
  });

  it("lets a director edit a visit up to seven days after it, not on the eighth", () => {
    expect(isWithinDirectorEditWindow("2025-03-01", "2025-03-01")).toBe(true);
    expect(isWithinDirectorEditWindow("2025-03-01", "2025-03-08")).toBe(true);
    expect(isWithinDirectorEditWindow("2025-03-01", "2025-03-09")).toBe(false);
  });

  it("asks for a mandatory report when safety is urgent, and only then", () => {
    expect(requiresMandatoryReport({ safetyCheck: "URGENT" })).toBe(true);
    expect(requiresMandatoryReport({ safetyCheck: "CONCERN" })).toBe(false);
    expect(requiresMandatoryReport({ safetyCheck: null })).toBe(false);
  });

  it("finds a village's county from the first six digits of its code", () => {
    expect(countyCodeOf("411523101201")).toBe("411523");
  });
});

describe("the visit form's schema", () => {
  const form = {
    childId: "6f1c2a4e-0d7b-4c1e-9a5b-2f3d4e5f6a7b",
    requestId: "0b9e3c7a-5d2f-4a61-8c3e-7f1a2b3c4d5e",
    visitedOn: "2025-03-01",
    type: "HOME",
    metWith: "CHILD",
    careCheck: "FINE",
    safetyCheck: "FINE",
    healthCheck: "FINE",
    educationCheck: "CONCERN",
    wellbeingCheck: "FINE",
    riskLevel: "YELLOW",
  };

  it("reads one ticked box from a form post as a list, and empty optional fields as empty", () => {
    const parsed = recordVisitSchema.parse(form);
    expect(parsed.metWith).toEqual(["CHILD"]);
    expect(parsed.needs).toEqual([]);
    expect(parsed.nextVisitOn).toBe("");
  });

  it("requires every one of the five checks", () => {
    const { careCheck: _omitted, ...rest } = form;
    const result = recordVisitSchema.safeParse(rest);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["careCheck", "visit.errors.check"]]);
  });

  it("with urgent safety, requires a description of what was seen and the red tier", () => {
    const result = recordVisitSchema.safeParse({ ...form, safetyCheck: "URGENT" });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["urgentDescription", "visit.errors.urgentDescription"],
      ["riskLevel", "visit.errors.urgentNeedsRed"],
    ]);
    expect(recordVisitSchema.safeParse({ ...form, safetyCheck: "URGENT", riskLevel: "RED", urgentDescription: "孩子被打伤" }).success).toBe(true);
  });
});
