import { describe, expect, it } from "vitest";
import { dashboardHref, parseDashboardQuery } from "@/lib/schemas/indicators";

describe("the dashboard's URL state", () => {
  it("reads the area, month, sort and trend from the URL", () => {
    expect(parseDashboardQuery({ area: "411523101000", month: "2026-10", sort: "children", dir: "desc", trend: "redRisk" })).toEqual({
      area: "411523101000",
      month: "2026-10",
      sort: "children",
      dir: "desc",
      trend: "redRisk",
    });
  });

  it("falls back to worst first by visit coverage for a sort key outside the allowlist", () => {
    expect(parseDashboardQuery({ sort: "name desc; --", area: "41%" })).toMatchObject({ area: undefined, sort: "visitCoverage", dir: "asc" });
  });

  it("shows the default view for a link with an unknown key", () => {
    expect(parseDashboardQuery({ area: "411523101000", areaCode: "" }).area).toBeUndefined();
  });

  it("leaves defaults out of the links it builds", () => {
    expect(dashboardHref({ area: "411523101000", sort: "visitCoverage", dir: "asc" })).toBe("/dashboard?area=411523101000");
    expect(dashboardHref({})).toBe("/dashboard");
  });
});
