import { beforeAll, describe, expect, it } from "vitest";
import { currentMonth, monthStart } from "@/lib/domain/months";
import { dashboardQuerySchema, parseDashboardQuery } from "@/lib/schemas/indicators";
import { db, disconnectDb } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { exportIndicatorTable } from "@/lib/server/indicators/export";
import { getIndicatorDashboard } from "@/lib/server/indicators/queries";
import type { Actor } from "@/lib/server/session";
import { makeVillage } from "../factories/areas";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

// County 611523 has townships 101 and 102 (one village each); county 611522 is its neighbour. The rollup
// rows are written by hand (the refresh engine is tested in rollups.test.ts): the dashboard only reads them.
const VILLAGE_A = "611523101201";
const VILLAGE_B = "611523102201";
const FOREIGN_VILLAGE = "611522100201";
const T1 = "611523101000";
const T2 = "611523102000";
const COUNTY = "611523000000";
const FOREIGN_COUNTY = "611522000000";
const MONTH = currentMonth();
const query = (extra: Record<string, string> = {}) => dashboardQuerySchema.parse({ month: MONTH, ...extra });

type Rows = Record<string, number>;
const LEVELS: Record<number, string> = { 2: "PROVINCE", 4: "PREFECTURE", 6: "COUNTY", 9: "TOWNSHIP", 12: "VILLAGE" };

/** The same counts for an area and every ancestor up to its province, as the sums the engine stores. */
async function store(areaCode: string, length: number, rows: Rows) {
  const data = Object.entries(rows).map(([k, value]) => {
    const [indicator, breakdown = ""] = k.split("|");
    return { areaCode, level: LEVELS[length]!, provinceCode: areaCode.slice(0, 2), period: new Date(`${monthStart(MONTH)}T00:00:00Z`), indicator: indicator!, breakdown, value: BigInt(value) };
  });
  await db().indicatorRollup.createMany({ data });
}

// Township 1: 20 children, 18 of 20 visited on time (90%); township 2: 3 children, 1 of 3 (33%).
const T1_ROWS: Rows = { children: 20, visits_due: 20, visits_on_time: 18, visits_overdue: 2, "risk|risk:RED": 2, villages: 1, villages_with_director: 1, referrals_made: 7 };
const T2_ROWS: Rows = { children: 3, visits_due: 3, visits_on_time: 1, visits_overdue: 2, "risk|risk:RED": 1, villages: 1, villages_with_director: 0, referrals_made: 0 };
// The county: the sums, plus histograms: decisions after 2, 2, 3, 9 and 30 days (median 3); reports
// acknowledged after 1, 5 and 5 hours (median 5).
const COUNTY_ROWS: Rows = {
  children: 23, visits_due: 23, visits_on_time: 19, visits_overdue: 4, "risk|risk:RED": 3, villages: 2, villages_with_director: 1,
  referrals_made: 7, referrals_decided: 5, "referrals_decided|days:2": 2, "referrals_decided|days:3": 1, "referrals_decided|days:9": 1, "referrals_decided|days:30": 1,
  reports_raised: 3, reports_acknowledged: 3, "reports_acknowledged|hours:1": 1, "reports_acknowledged|hours:5": 2,
  referrals_open: 4, referrals_past_deadline: 1,
};

let county: Actor;
let province: Actor;
beforeAll(async () => {
  for (const code of [VILLAGE_A, VILLAGE_B, FOREIGN_VILLAGE]) await makeVillage(code);
  await db().adminArea.update({ where: { code: T2 }, data: { name: "=HYPERLINK(\"http://evil\")" } });
  await store(T1, 9, T1_ROWS);
  await store(T2, 9, T2_ROWS);
  await store(COUNTY, 6, COUNTY_ROWS);
  await store("610000000000", 2, COUNTY_ROWS);
  // The province's prefecture level: the county's prefecture has a small count (3 red) and a big one.
  await store("611500000000", 4, COUNTY_ROWS);
  await store(FOREIGN_COUNTY, 6, { children: 50 });
  county = await actorFor("COUNTY_OFFICER", COUNTY);
  province = await actorFor("PROVINCE_OFFICER", "610000000000");
});

describe("the indicator dashboard", () => {
  it("shows a county officer the county's cards, with medians computed from the day and hour histograms", async () => {
    const view = await getIndicatorDashboard(county, query());
    expect(view.area.code).toBe(COUNTY);
    expect(view.cards.children).toBe(23);
    expect(view.cards.visitCoverage).toBe(83);
    expect(view.cards.redRisk).toBe(3);
    expect(view.cards.directorCoverage).toBe(50);
    expect(view.cards.medianDaysToDecision).toBe(3);
    expect(view.cards.medianHoursToAcknowledge).toBe(5);
    expect(view.cards.pastDeadlineShare).toBe(25);
  });

  it("lists the townships worst first (lowest visit coverage) and never shows a county officer a suppressed cell", async () => {
    const view = await getIndicatorDashboard(county, query());
    expect(view.subAreas.map((row) => row.code)).toEqual([T2, T1]);
    expect(view.subAreas[0]!.figures).toMatchObject({ children: 3, visitCoverage: 33, redRisk: 1 });
  });

  it("sorts by an allowlisted column in either direction, and an unknown sort key falls back to the default", async () => {
    const byChildren = await getIndicatorDashboard(county, query({ sort: "children", dir: "desc" }));
    expect(byChildren.subAreas.map((row) => row.code)).toEqual([T1, T2]);
    expect(parseDashboardQuery({ sort: "value; DROP TABLE children", dir: "sideways" })).toMatchObject({ sort: "visitCoverage", dir: "asc" });
  });

  it("suppresses counts under 5 above county level, and the ratios and medians computed from them", async () => {
    const view = await getIndicatorDashboard(province, query());
    expect(view.suppressed).toBe(true);
    expect(view.cards.children).toBe(23);
    expect(view.cards.redRisk).toBe("suppressed");
    expect(view.cards.visitsOverdue).toBe("suppressed");
    // 1 past deadline of 4 open: both small, so the share is hidden too.
    expect(view.cards.pastDeadlineShare).toBe("suppressed");
    // Five decisions are enough; three acknowledged reports are not.
    expect(view.cards.medianDaysToDecision).toBe(3);
    expect(view.cards.medianHoursToAcknowledge).toBe("suppressed");
  });

  it("suppresses a township's ratio when its counts are small, once the province drills down to it", async () => {
    const view = await getIndicatorDashboard(province, query({ area: COUNTY }));
    const small = view.subAreas.find((row) => row.code === T2)!;
    expect(small.figures).toMatchObject({ children: "suppressed", visitCoverage: "suppressed", redRisk: "suppressed" });
    expect(view.subAreas.find((row) => row.code === T1)!.figures).toMatchObject({ children: 20, visitCoverage: 90 });
  });

  it("lets a county officer drill into a township but not into another county's area, which is audited as DENIED", async () => {
    const township = await getIndicatorDashboard(county, query({ area: T1 }));
    expect(township.area.level).toBe("TOWNSHIP");
    expect(township.area.trail.map((step) => step.code)).toEqual([COUNTY, T1]);
    await expect(getIndicatorDashboard(county, query({ area: FOREIGN_COUNTY }))).rejects.toBeInstanceOf(NotFoundError);
    const denied = await db().auditEvent.findMany({ where: { actorId: county.userId, outcome: "DENIED", entity: "aggregate" } });
    expect(denied.map((row) => row.details)).toEqual([{ area: FOREIGN_COUNTY }]);
  });

  it("writes one read audit row per dashboard request, with the area and the month", async () => {
    const actor = await actorFor("COUNTY_OFFICER", COUNTY);
    await getIndicatorDashboard(actor, query({ area: T2 }));
    const rows = await db().auditEvent.findMany({ where: { actorId: actor.userId } });
    expect(rows.map((row) => [row.action, row.entity, row.outcome, row.details])).toEqual([["read", "aggregate", "SUCCESS", { area: T2, month: MONTH }]]);
  });
});

describe("the indicator export", () => {
  it("writes the table as CSV with formula-like cells neutralized, and audits a print with the row count", async () => {
    const actor = await actorFor("COUNTY_OFFICER", COUNTY);
    const file = await exportIndicatorTable(actor, { ...query(), format: "csv", locale: "zh-CN" });
    const lines = file.body.toString("utf8").replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain("区划代码");
    expect(lines[1]).toBe(`${T2},"'=HYPERLINK(""http://evil"")",3,33%,2,1,0%,0,0`);
    const audit = await db().auditEvent.findMany({ where: { actorId: actor.userId } });
    expect(audit.map((row) => [row.action, row.entity, row.details])).toEqual([
      ["print", "aggregate", { area: COUNTY, month: MONTH, sort: "visitCoverage", dir: "asc", format: "csv", rows: 2 }],
    ]);
  });

  it("keeps suppressed cells suppressed in a province's file", async () => {
    const file = await exportIndicatorTable(province, { ...query({ area: COUNTY }), format: "csv", locale: "en" });
    expect(file.body.toString("utf8")).toContain(`${T2},"'=HYPERLINK(""http://evil"")",<5,<5,<5,<5,0%,0,0`);
  });

  it("refuses another county's area", async () => {
    await expect(exportIndicatorTable(county, { ...query({ area: FOREIGN_COUNTY }), format: "xlsx", locale: "zh-CN" })).rejects.toBeInstanceOf(NotFoundError);
  });
});
