import { describe, expect, it } from "vitest";
import { coverageOf, findGaps, findReviews, type EntitlementFact } from "@/lib/domain/eligibility/coverage";
import type { EligibilityFacts } from "@/lib/domain/eligibility/types";
import type { EntitlementStatusName } from "@/lib/domain/enums";
import { addDays } from "@/lib/domain/work-lists";

const ON = "2026-03-15";
const CASH = ["ORPHAN_ALLOWANCE", "DE_FACTO_ALLOWANCE", "DIBAO", "TEKUN", "DISABILITY_LIVING_SUBSIDY", "DISABILITY_CARE_SUBSIDY"] as const;

function facts(over: Partial<EligibilityFacts> = {}, household: Partial<EligibilityFacts["household"]> = {}): EligibilityFacts {
  return {
    dateOfBirth: "2017-06-01",
    categories: ["ORPHAN"],
    hukouStatus: "RURAL",
    hasIdNumber: true,
    schoolStage: "PRIMARY",
    medicalInsurance: "INSURED",
    disabilityType: null,
    disabilityGrade: null,
    hasDisabilityCertificate: false,
    livingArrangement: "GRANDPARENTS",
    ...over,
    household: { hasDibao: false, hasTekun: false, isLowIncome: false, fatherStatus: "DECEASED", motherStatus: "DECEASED", anyGuardianCanCare: true, ...household },
  };
}

let next = 0;
function entitlement(type: EntitlementFact["type"], status: EntitlementStatusName, decidedOn: string | null = null): EntitlementFact {
  return { id: `e${++next}`, type, status, decidedOn };
}

const gapBenefits = (f: EligibilityFacts, list: EntitlementFact[] = []) => findGaps(f, list, ON).map((v) => v.benefit);

describe("coverage of a benefit", () => {
  it.each(["APPLIED", "CHECKED", "RETURNED", "CONFIRMED", "RECEIVING", "SUSPENDED"] as const)("an entitlement %s covers it", (status) => {
    const e = entitlement("ORPHAN_ALLOWANCE", status);
    expect(coverageOf("ORPHAN_ALLOWANCE", facts().household, [e], ON)).toEqual({ entitlementId: e.id, status });
    expect(gapBenefits(facts(), [e])).not.toContain("ORPHAN_ALLOWANCE");
  });

  it.each(["ENDED", "WITHDRAWN"] as const)("an entitlement %s does not cover it", (status) => {
    expect(coverageOf("ORPHAN_ALLOWANCE", facts().household, [entitlement("ORPHAN_ALLOWANCE", status, "2025-01-01")], ON)).toBeNull();
    expect(gapBenefits(facts(), [entitlement("ORPHAN_ALLOWANCE", status)])).toContain("ORPHAN_ALLOWANCE");
  });

  it.each([
    [10, true],
    [180, true],
    [181, false],
    [200, false],
  ])("a refusal decided %i days ago covers it: %s", (days, covered) => {
    const denied = entitlement("ORPHAN_ALLOWANCE", "DENIED", addDays(ON, -days));
    expect(coverageOf("ORPHAN_ALLOWANCE", facts().household, [denied], ON)).toEqual(covered ? { entitlementId: denied.id, status: "DENIED" } : null);
  });

  it("an entitlement of another benefit does not cover it", () => {
    expect(coverageOf("ORPHAN_ALLOWANCE", facts().household, [entitlement("DIBAO", "RECEIVING")], ON)).toBeNull();
  });

  it("shows the most advanced of several entitlements", () => {
    const returned = entitlement("ORPHAN_ALLOWANCE", "RETURNED");
    const receiving = entitlement("ORPHAN_ALLOWANCE", "RECEIVING");
    expect(coverageOf("ORPHAN_ALLOWANCE", facts().household, [returned, receiving], ON)?.entitlementId).toBe(receiving.id);
  });

  it("a household on dibao or tekun covers DIBAO or TEKUN, and nothing else", () => {
    const household = facts({}, { hasDibao: true, hasTekun: true }).household;
    expect(coverageOf("DIBAO", household, [], ON)).toEqual({ entitlementId: null, status: "HOUSEHOLD" });
    expect(coverageOf("TEKUN", household, [], ON)).toEqual({ entitlementId: null, status: "HOUSEHOLD" });
    expect(coverageOf("DISABILITY_LIVING_SUBSIDY", household, [], ON)).toBeNull();
  });
});

describe("gaps", () => {
  it("lists each benefit a child is eligible for and not covered, with the reasons", () => {
    const gaps = findGaps(facts(), [], ON);
    expect(gaps.map((v) => v.benefit)).toEqual(["ORPHAN_ALLOWANCE", "EDUCATION_AID"]);
    expect(gaps[0]).toEqual({ benefit: "ORPHAN_ALLOWANCE", eligible: true, reasons: [{ key: "category.ORPHAN" }, { key: "age", params: { age: 8 } }] });
    expect(gapBenefits(facts(), [entitlement("ORPHAN_ALLOWANCE", "APPLIED")])).toEqual(["EDUCATION_AID"]);
  });

  it("finds the disabled child in a dibao family without the living subsidy (domain.md's example)", () => {
    const f = facts({ categories: ["DISABILITY"], hasDisabilityCertificate: true, disabilityType: "PHYSICAL", disabilityGrade: 3 }, { hasDibao: true, fatherStatus: "AT_HOME", motherStatus: "AT_HOME" });
    expect(gapBenefits(f)).toEqual(["DISABILITY_LIVING_SUBSIDY", "EDUCATION_AID"]);
  });
});

describe("review tasks", () => {
  it("flags a receiving orphan on her 18th birthday, with the failing reason", () => {
    const e = entitlement("ORPHAN_ALLOWANCE", "RECEIVING");
    const f = facts({ dateOfBirth: "2008-03-15" });
    expect(findReviews(f, [e], ON, CASH)).toEqual([{ entitlement: e, reasons: [{ key: "ageReached", params: { age: 18, limit: 18 } }] }]);
    expect(findReviews(f, [e], addDays(ON, -1), CASH)).toEqual([]);
  });

  it("flags a de-facto allowance once the parent is released from prison", () => {
    const e = entitlement("DE_FACTO_ALLOWANCE", "SUSPENDED");
    const f = facts({ categories: ["DE_FACTO_UNSUPPORTED"] }, { fatherStatus: "AT_HOME", motherStatus: "MISSING" });
    expect(findReviews(f, [e], ON, CASH)).toEqual([{ entitlement: e, reasons: [{ key: "parentsNoLongerQualify" }] }]);
  });

  it.each(["APPLIED", "CHECKED", "RETURNED", "DENIED", "ENDED", "WITHDRAWN"] as const)("does not review an entitlement %s", (status) => {
    expect(findReviews(facts({ categories: [] }), [entitlement("ORPHAN_ALLOWANCE", status)], ON, CASH)).toEqual([]);
  });

  it("reviews confirmed benefits too, but not a non-cash benefit that is done", () => {
    const f = facts({ categories: [] });
    const confirmed = entitlement("ORPHAN_ALLOWANCE", "CONFIRMED");
    expect(findReviews(f, [confirmed, entitlement("HUKOU_REGISTRATION", "RECEIVING")], ON, CASH).map((x) => x.entitlement)).toEqual([confirmed]);
  });

  it("takes the cash list from the caller (the catalogue), not from a list of its own", () => {
    const hukou = entitlement("HUKOU_REGISTRATION", "RECEIVING");
    expect(findReviews(facts(), [hukou], ON, ["HUKOU_REGISTRATION"])).toEqual([{ entitlement: hukou, reasons: [{ key: "hasHukou" }] }]);
  });

  it("does not flag a benefit that still holds", () => {
    expect(findReviews(facts(), [entitlement("ORPHAN_ALLOWANCE", "RECEIVING")], ON, CASH)).toEqual([]);
  });
});
