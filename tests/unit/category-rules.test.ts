import { describe, expect, it } from "vitest";
import { categoriesOverAge, mustReportLivingAlone, suggestCategories, type CategoryFacts } from "@/lib/domain/category-rules";

const TODAY = "2026-03-01";

function facts(over: Partial<Omit<CategoryFacts, "household">> & { household?: Partial<CategoryFacts["household"]> } = {}): CategoryFacts {
  return {
    dateOfBirth: "2016-05-01",
    hasIdNumber: true,
    hukouStatus: "RURAL",
    healthStatus: "HEALTHY",
    disabilityType: null,
    hasDisabilityCertificate: false,
    livingArrangement: "GRANDPARENTS",
    ...over,
    household: {
      fatherStatus: "AT_HOME",
      motherStatus: "AT_HOME",
      hasDibao: false,
      hasTekun: false,
      isLowIncome: false,
      entrustedGuardianCannotCare: false,
      ...over.household,
    },
  };
}

const codes = (f: CategoryFacts) => suggestCategories(f, TODAY).map((s) => s.category);

describe("category suggestions", () => {
  it("suggests nothing for a child living with both parents at home in an ordinary family", () => {
    expect(codes(facts())).toEqual([]);
  });

  it("suggests left-behind when both parents work away, with a reason key", () => {
    const out = suggestCategories(facts({ household: { fatherStatus: "WORKING_AWAY", motherStatus: "WORKING_AWAY" } }), TODAY);
    expect(out).toEqual([{ category: "LEFT_BEHIND", reason: "registration.reasons.leftBehind" }]);
  });

  it("suggests left-behind when one parent works away and the other is unable to care", () => {
    for (const other of ["DECEASED", "MISSING", "DEPRIVED_OF_LIBERTY", "SEVERELY_ILL_OR_DISABLED"] as const) {
      expect(codes(facts({ household: { fatherStatus: other, motherStatus: "WORKING_AWAY" } }))).toContain("LEFT_BEHIND");
    }
    expect(codes(facts({ household: { fatherStatus: "AT_HOME", motherStatus: "WORKING_AWAY" } }))).not.toContain("LEFT_BEHIND");
  });

  it("does not suggest left-behind at 16 or with an urban hukou", () => {
    const away = { fatherStatus: "WORKING_AWAY", motherStatus: "WORKING_AWAY" } as const;
    expect(codes(facts({ dateOfBirth: "2010-03-01", household: away }))).not.toContain("LEFT_BEHIND");
    expect(codes(facts({ dateOfBirth: "2010-03-02", household: away }))).toContain("LEFT_BEHIND");
    expect(codes(facts({ hukouStatus: "URBAN", household: away }))).not.toContain("LEFT_BEHIND");
  });

  it("suggests orphan when both parents died or one died and the other is missing, and not de-facto-unsupported then", () => {
    expect(codes(facts({ household: { fatherStatus: "DECEASED", motherStatus: "DECEASED" } }))).toEqual(["ORPHAN"]);
    expect(codes(facts({ household: { fatherStatus: "MISSING", motherStatus: "DECEASED" } }))).toEqual(["ORPHAN"]);
  });

  it("suggests de-facto-unsupported when both parents are ill, imprisoned or missing, or one of those and the other dead", () => {
    expect(codes(facts({ household: { fatherStatus: "DEPRIVED_OF_LIBERTY", motherStatus: "SEVERELY_ILL_OR_DISABLED" } }))).toEqual(["DE_FACTO_UNSUPPORTED"]);
    expect(codes(facts({ household: { fatherStatus: "DEPRIVED_OF_LIBERTY", motherStatus: "DECEASED" } }))).toEqual(["DE_FACTO_UNSUPPORTED"]);
    expect(codes(facts({ household: { fatherStatus: "DEPRIVED_OF_LIBERTY", motherStatus: "AT_HOME" } }))).toEqual([]);
  });

  it("suggests poor family, disability, serious illness and unregistered from their facts", () => {
    expect(codes(facts({ household: { hasDibao: true } }))).toEqual(["POOR_FAMILY"]);
    expect(codes(facts({ household: { isLowIncome: true } }))).toEqual(["POOR_FAMILY"]);
    expect(codes(facts({ hasDisabilityCertificate: true }))).toEqual(["DISABILITY"]);
    expect(codes(facts({ disabilityType: "HEARING" }))).toEqual(["DISABILITY"]);
    expect(codes(facts({ healthStatus: "SERIOUS_ILLNESS" }))).toEqual(["SERIOUS_ILLNESS"]);
    expect(codes(facts({ hasIdNumber: false }))).toEqual(["UNREGISTERED"]);
    expect(codes(facts({ hukouStatus: "NONE" }))).toEqual(["UNREGISTERED"]);
  });

  it("suggests guardianship for a child living alone or whose entrusted guardian cannot care", () => {
    expect(suggestCategories(facts({ livingArrangement: "ALONE" }), TODAY)).toEqual([{ category: "GUARDIANSHIP", reason: "registration.reasons.livingAlone" }]);
    expect(codes(facts({ household: { entrustedGuardianCannotCare: true } }))).toEqual(["GUARDIANSHIP"]);
  });

  it("suggests nothing for an adult", () => {
    expect(codes(facts({ dateOfBirth: "2008-03-01", household: { hasDibao: true } }))).toEqual([]);
  });
});

describe("category age limits and the living-alone report", () => {
  it("refuses left-behind and migrant from 16 and the others from 18", () => {
    expect(categoriesOverAge(["LEFT_BEHIND", "MIGRANT", "POOR_FAMILY"], "2010-03-01", TODAY)).toEqual(["LEFT_BEHIND", "MIGRANT"]);
    expect(categoriesOverAge(["LEFT_BEHIND"], "2010-03-02", TODAY)).toEqual([]);
  });

  it("requires a report for a child under 16 living alone only", () => {
    expect(mustReportLivingAlone("ALONE", "2012-01-01", TODAY)).toBe(true);
    expect(mustReportLivingAlone("ALONE", "2010-03-01", TODAY)).toBe(false);
    expect(mustReportLivingAlone("GRANDPARENTS", "2012-01-01", TODAY)).toBe(false);
  });
});
