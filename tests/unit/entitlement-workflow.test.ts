import { describe, expect, it } from "vitest";
import { todayInChina } from "@/lib/domain/dates";
import {
  allowedEntitlementTransitions,
  BLOCKING_STATUSES,
  defaultStartMonth,
  ENTITLEMENT_TRANSITIONS,
  entitlementDeadlineDays,
  findEntitlementTransition,
  isClosingMove,
  isEntitlementOverdue,
  refuseEntitlementTransition,
} from "@/lib/domain/entitlement-workflow";
import { ENTITLEMENT_STATUSES } from "@/lib/domain/enums";
import { addMonths, currentMonth } from "@/lib/domain/months";
import { ROLES } from "@/lib/domain/roles";
import { createApplicationSchema, transitionEntitlementSchema } from "@/lib/schemas/entitlement";

// The table as the issue states it, written out independently: from>to → the only role allowed.
const EXPECTED: Record<string, string> = {
  "APPLIED>CHECKED": "TOWNSHIP_SUPERVISOR",
  "APPLIED>RETURNED": "TOWNSHIP_SUPERVISOR",
  "APPLIED>WITHDRAWN": "VILLAGE_DIRECTOR",
  "CHECKED>RETURNED": "COUNTY_OFFICER",
  "CHECKED>CONFIRMED": "COUNTY_OFFICER",
  "CHECKED>DENIED": "COUNTY_OFFICER",
  "RETURNED>APPLIED": "VILLAGE_DIRECTOR",
  "RETURNED>WITHDRAWN": "VILLAGE_DIRECTOR",
  "CONFIRMED>RECEIVING": "COUNTY_OFFICER",
  "CONFIRMED>ENDED": "COUNTY_OFFICER",
  "RECEIVING>SUSPENDED": "COUNTY_OFFICER",
  "RECEIVING>ENDED": "COUNTY_OFFICER",
  "SUSPENDED>RECEIVING": "COUNTY_OFFICER",
  "SUSPENDED>ENDED": "COUNTY_OFFICER",
};

describe("every (from, to) pair for every role, generated from the statuses", () => {
  for (const from of ENTITLEMENT_STATUSES) {
    for (const to of ENTITLEMENT_STATUSES) {
      for (const role of ROLES) {
        const allowed = EXPECTED[`${from}>${to}`] === role;
        it(`${role} ${allowed ? "may" : "may not"} move an entitlement from ${from} to ${to}`, () => {
          const refusal = refuseEntitlementTransition(from, to, role);
          if (allowed) expect(refusal).toBeNull();
          else expect(refusal).toBe(findEntitlementTransition(from, to) ? "roleNotAllowed" : "notFromState");
          expect(allowedEntitlementTransitions(from, role).some((r) => r.to === to)).toBe(allowed);
        });
      }
    }
  }
});

describe("the entitlement transition table", () => {
  it("has exactly the moves of the issue, each once", () => {
    const pairs = ENTITLEMENT_TRANSITIONS.map((r) => `${r.from}>${r.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(pairs.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("never leaves a denied, ended or withdrawn entitlement", () => {
    for (const closed of ["DENIED", "ENDED", "WITHDRAWN"] as const) expect(ENTITLEMENT_TRANSITIONS.filter((r) => r.from === closed)).toEqual([]);
  });

  it("asks for a reason on every return, denial, withdrawal, suspension and end, and never on the forward steps", () => {
    for (const r of ENTITLEMENT_TRANSITIONS) {
      expect(r.noteRequired, `${r.from}>${r.to}`).toBe(["RETURNED", "DENIED", "WITHDRAWN", "SUSPENDED", "ENDED"].includes(r.to));
    }
  });

  it("asks for a month when payments start, stop, resume or end, and not when a confirmed benefit begins to be paid", () => {
    const withMonth = ENTITLEMENT_TRANSITIONS.filter((r) => r.monthRequired).map((r) => `${r.from}>${r.to}`);
    expect(withMonth.sort()).toEqual(["CHECKED>CONFIRMED", "CONFIRMED>ENDED", "RECEIVING>ENDED", "RECEIVING>SUSPENDED", "SUSPENDED>ENDED", "SUSPENDED>RECEIVING"]);
  });

  it("treats only denial and end as closing (the county's close permission)", () => {
    expect(ENTITLEMENT_STATUSES.filter(isClosingMove)).toEqual(["DENIED", "ENDED"]);
  });

  it("blocks a second application while one is open, receiving or suspended", () => {
    expect([...BLOCKING_STATUSES].sort()).toEqual(["APPLIED", "CHECKED", "CONFIRMED", "RECEIVING", "RETURNED", "SUSPENDED"]);
  });
});

describe("entitlement deadlines", () => {
  const benefit = { checkDays: 10, confirmDays: 5 };

  it("gives the township the catalogue's check days and the county its confirmation days, and nothing else a deadline", () => {
    expect(entitlementDeadlineDays("APPLIED", benefit)).toBe(10);
    expect(entitlementDeadlineDays("CHECKED", benefit)).toBe(5);
    for (const status of ENTITLEMENT_STATUSES.filter((s) => s !== "APPLIED" && s !== "CHECKED")) expect(entitlementDeadlineDays(status, benefit)).toBeNull();
  });

  it("is overdue the day after the due date, only while waiting for a check or a confirmation", () => {
    expect(isEntitlementOverdue("APPLIED", "2026-03-10", "2026-03-10")).toBe(false);
    expect(isEntitlementOverdue("APPLIED", "2026-03-10", "2026-03-11")).toBe(true);
    expect(isEntitlementOverdue("CHECKED", "2026-03-10", "2026-03-11")).toBe(true);
    expect(isEntitlementOverdue("RETURNED", "2026-03-10", "2026-03-11")).toBe(false);
    expect(isEntitlementOverdue("APPLIED", null, "2026-03-11")).toBe(false);
  });
});

describe("the start month", () => {
  it("defaults to the month after the decision, across a year end", () => {
    expect(defaultStartMonth("2026-05-20", "2026-05-02")).toBe("2026-06");
    expect(defaultStartMonth("2026-12-31", "2026-12-01")).toBe("2027-01");
  });

  it("is never before the month of the application", () => {
    expect(defaultStartMonth("2026-05-20", "2026-08-01")).toBe("2026-08");
  });
});

describe("the application and transition forms", () => {
  const base = { childId: "6f1c3b1e-8d2a-4c6b-9a55-0b1f2e3d4c5a", benefit: "ORPHAN_ALLOWANCE", requestId: "0b1f2e3d-8d2a-4c6b-9a55-6f1c3b1e4c5a" };
  const move = { entitlementId: base.childId, version: "1", to: "CONFIRMED" };
  const monthError = (month: string) => transitionEntitlementSchema.safeParse({ ...move, month }).error?.issues[0]?.message;

  it("accepts an application without justification (the server decides whether one is needed)", () => {
    expect(createApplicationSchema.parse(base)).toMatchObject({ justification: "", note: "" });
  });

  it("never takes an amount from the form", () => {
    expect(createApplicationSchema.safeParse({ ...base, monthlyAmountFen: 100 }).success).toBe(false);
    expect(transitionEntitlementSchema.safeParse({ ...move, month: "2026-01", monthlyAmountFen: 100 }).success).toBe(false);
  });

  it("refuses a justification over 500 characters or with control characters, and an unknown benefit", () => {
    expect(createApplicationSchema.safeParse({ ...base, justification: "理".repeat(501) }).error?.issues[0]?.message).toBe("entitlement.errors.justificationTooLong");
    expect(createApplicationSchema.safeParse({ ...base, justification: "a\u0007b" }).success).toBe(false);
    expect(createApplicationSchema.safeParse({ ...base, justification: "第一行\r\n第二行" }).success).toBe(true);
    expect(createApplicationSchema.safeParse({ ...base, benefit: "PENSION" }).error?.issues[0]?.message).toBe("entitlement.errors.benefit");
  });

  it("takes only real months from January 2000 to twelve months ahead (Beijing)", () => {
    expect(monthError("")).toBeUndefined();
    expect(monthError("2000-01")).toBeUndefined();
    expect(monthError(addMonths(currentMonth(), 12))).toBeUndefined();
    expect(monthError(addMonths(currentMonth(), 13))).toBe("entitlement.errors.monthRange");
    expect(monthError("1999-12")).toBe("entitlement.errors.monthRange");
    expect(monthError("2026-13")).toBe("entitlement.errors.month");
    expect(monthError("2026-1")).toBe("entitlement.errors.month");
    expect(monthError(todayInChina())).toBe("entitlement.errors.month");
  });
});
