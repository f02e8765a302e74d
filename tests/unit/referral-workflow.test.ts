import { describe, expect, it } from "vitest";
import { createReferralSchema } from "@/lib/schemas/referral";
import {
  allowedTransitions,
  deadlineDays,
  REFERRAL_STATUSES,
  REFERRAL_TRANSITIONS,
  refuseTransition,
} from "@/lib/domain/referral-workflow";

const director = { role: "VILLAGE_DIRECTOR" as const, userId: "d" };
const supervisor = { role: "TOWNSHIP_SUPERVISOR" as const, userId: "s" };
const county = { role: "COUNTY_OFFICER" as const, userId: "c" };

describe("the referral transition table", () => {
  it("never leaves a closed state", () => {
    for (const closed of ["REJECTED", "RESOLVED", "CLOSED_UNRESOLVED"] as const) {
      expect(REFERRAL_TRANSITIONS.filter((r) => r.from === closed)).toEqual([]);
    }
  });

  it("lists each (from, to) pair once", () => {
    const pairs = REFERRAL_TRANSITIONS.map((r) => `${r.from}>${r.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it("lets only a township supervisor decide a submitted referral", () => {
    for (const to of ["APPROVED", "RETURNED", "REJECTED"] as const) {
      expect(refuseTransition("SUBMITTED", to, supervisor, "d")).toBeNull();
      expect(refuseTransition("SUBMITTED", to, director, "d")).toBe("roleNotAllowed");
      expect(refuseTransition("SUBMITTED", to, county, "d")).toBe("roleNotAllowed");
    }
  });

  it("refuses a supervisor deciding a referral she created", () => {
    expect(refuseTransition("SUBMITTED", "APPROVED", supervisor, "s")).toBe("ownReferral");
  });

  it("refuses moves that skip a step", () => {
    expect(refuseTransition("DRAFT", "APPROVED", supervisor, "d")).toBe("notFromState");
    expect(refuseTransition("SUBMITTED", "RESOLVED", director, "d")).toBe("notFromState");
  });

  it("asks for a reason when a referral is returned, rejected or closed unresolved", () => {
    for (const r of REFERRAL_TRANSITIONS) {
      if (["RETURNED", "REJECTED", "CLOSED_UNRESOLVED"].includes(r.to)) expect(r.noteRequired).toBe(true);
    }
  });

  it("offers the director submit and withdraw on a draft, and the county officer only closing", () => {
    expect(allowedTransitions("DRAFT", director, "d").map((r) => r.to)).toEqual(["SUBMITTED", "CLOSED_UNRESOLVED"]);
    expect(allowedTransitions("IN_PROGRESS", county, "d").map((r) => r.to)).toEqual(["CLOSED_UNRESOLVED"]);
    for (const status of REFERRAL_STATUSES) {
      expect(allowedTransitions(status, { role: "AUDITOR", userId: "a" }, null)).toEqual([]);
    }
  });
});

describe("referral deadlines", () => {
  it("gives 5 working days for the supervisor's decision", () => {
    expect(deadlineDays("SCHOOL", "SUBMITTED")).toBe(5);
  });

  it("gives civil-affairs recognition 10 days of township check and 5 of county confirmation", () => {
    expect(deadlineDays("ORPHAN_RECOGNITION", "REFERRED")).toBe(10);
    expect(deadlineDays("ORPHAN_RECOGNITION", "IN_PROGRESS")).toBe(5);
    expect(deadlineDays("HEALTH", "IN_PROGRESS")).toBe(20);
  });

  it("uses a county's override and has no deadline for drafts, returned or closed referrals", () => {
    expect(deadlineDays("SCHOOL", "SUBMITTED", { SUBMITTED: 3 })).toBe(3);
    expect(deadlineDays("SCHOOL", "DRAFT")).toBeNull();
    expect(deadlineDays("SCHOOL", "RETURNED")).toBeNull();
    expect(deadlineDays("SCHOOL", "RESOLVED")).toBeNull();
  });
});

describe("the referral form", () => {
  const valid = { childId: "6f1c3b1e-8d2a-4c6b-9a55-0b1f2e3d4c5a", type: "SCHOOL", agency: "乡中心学校", reason: "辍学三个月" };

  it("refuses NUL bytes and control characters in the agency and the reason, which PostgreSQL cannot store", () => {
    expect(createReferralSchema.safeParse(valid).success).toBe(true);
    expect(createReferralSchema.safeParse({ ...valid, agency: "学校\u0000" }).success).toBe(false);
    expect(createReferralSchema.safeParse({ ...valid, reason: "a\u001bb" }).success).toBe(false);
  });
});
