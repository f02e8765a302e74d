import { beforeAll, describe, expect, it } from "vitest";
import { dateValue, todayInChina } from "@/lib/domain/dates";
import { currentMonth, monthStart } from "@/lib/domain/months";
import { db, disconnectDb } from "@/lib/server/db";
import { unsafeEligibilityFactsForVillages } from "@/lib/server/eligibility/facts";
import { unsafeCheckRollups } from "@/lib/server/rollups/check";
import { unsafeRebuildRollups } from "@/lib/server/rollups/rebuild";
import { unsafeRefreshDirty } from "@/lib/server/rollups/refresh";
import { recordVisit } from "@/lib/server/visits/mutations";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { makeEntitlement } from "../factories/entitlements";
import { makeUser } from "../factories/users";
import { visitInput } from "../factories/visits";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

// Known answers: "now" is 15 June 2026, noon in Beijing. Village A (township 001) and village B (township 002)
// of county 520101. Village C of county 520102 is for the refresh test, which runs on the real clock. Village D
// of county 520103 holds orphans for the uptake of the orphan allowance.
const NOW = new Date("2026-06-15T04:00:00Z");
const JUNE = "2026-06-01";
const MAY = "2026-05-01";
const A = "520101001001";
const B = "520101002001";
const C = "520102001001";
const D = "520103001001";

type Rows = Record<string, number>;

async function rowsOf(areaCode: string, period: string): Promise<Rows> {
  const rows = await db().indicatorRollup.findMany({ where: { areaCode, period: dateValue(period) }, select: { indicator: true, breakdown: true, value: true } });
  return Object.fromEntries(rows.map((r) => [r.breakdown ? `${r.indicator} ${r.breakdown}` : r.indicator, Number(r.value)]));
}

async function snapshot() {
  const rows = await db().indicatorRollup.findMany({
    select: { areaCode: true, level: true, provinceCode: true, period: true, indicator: true, breakdown: true, value: true },
    orderBy: [{ areaCode: "asc" }, { period: "asc" }, { indicator: "asc" }, { breakdown: "asc" }],
  });
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

beforeAll(async () => {
  const a = await makeVillage(A);
  const b = await makeVillage(B);
  await makeVillage(C);
  await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: A });
  await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: B, isActive: false });
  await makeUser({ role: "TOWNSHIP_SUPERVISOR", areaCode: "520101001000" });

  // a1: 6 years old, left-behind and HIV-affected, red, overdue since 1 June.
  const a1 = await makeChild({ village: a, dateOfBirth: "2020-03-01", schoolStage: "PRIMARY", riskLevel: "RED", nextVisitOn: "2026-06-01",
    categories: [{ category: "LEFT_BEHIND" }, { category: "HIV_AFFECTED" }] });
  // a2: 2 years old, orphan, visited in May (yellow) and June (green): visited on time, one move down in June.
  const a2 = await makeChild({ village: a, dateOfBirth: "2024-01-10", schoolStage: "NOT_YET", riskLevel: "GREEN", nextVisitOn: "2026-07-01",
    categories: [{ category: "ORPHAN" }] });
  await db().child.update({ where: { id: a2.id }, data: { lastVisitOn: dateValue("2026-06-05") } });
  const closed = await makeChild({ village: a, dateOfBirth: "2019-01-01", categories: [{ category: "ORPHAN" }] });
  await db().child.update({ where: { id: closed.id }, data: { status: "CLOSED", closedAt: new Date("2026-01-01T00:00:00Z") } });
  for (const [visitedOn, riskLevel] of [["2026-05-10", "YELLOW"], ["2026-06-05", "GREEN"]] as const) {
    await db().visit.create({ data: { childId: a2.id, areaCode: A, visitedOn: dateValue(visitedOn), riskLevel } });
  }
  // A health referral submitted 1 June 10:00 (Beijing), approved 3 days later, due 10 June: open and past its deadline.
  await db().referral.create({ data: { childId: a1.id, areaCode: A, type: "HEALTH", agency: "乡卫生院", reason: "体检", status: "APPROVED",
    submittedAt: new Date("2026-06-01T02:00:00Z"), decidedAt: new Date("2026-06-04T02:00:00Z"), dueOn: dateValue("2026-06-10") } });
  // A report raised 2 June 08:00 (Beijing), acknowledged 5.5 hours later: bucket 5.
  await db().mandatoryReport.create({ data: { childId: a1.id, areaCode: A, kind: "DIRECT", description: "独自在家", status: "ACKNOWLEDGED",
    createdAt: new Date("2026-06-02T00:00:00Z"), acknowledgedAt: new Date("2026-06-02T05:30:00Z") } });
  const session = await db().groupSession.create({ data: { areaCode: A, areaName: a.name, topic: "INJURY_PREVENTION", title: "防溺水",
    heldOn: dateValue("2026-06-08"), place: "村委会", facilitator: "王老师", childrenCount: 6, caregiversCount: 4 } });
  await db().groupSessionAttendee.create({ data: { sessionId: session.id, childId: a1.id, areaCode: A } });

  // b1: 15, poor family, no hukou, out of school, yellow and overdue; receiving dibao decided 14 days after applying.
  const b1 = await makeChild({ village: b, dateOfBirth: "2011-01-01", hasIdNumber: false, schoolStage: "OUT_OF_SCHOOL", riskLevel: "YELLOW",
    nextVisitOn: "2026-06-10", categories: [{ category: "POOR_FAMILY" }] });
  const dibao = await makeEntitlement({ child: b1, type: "DIBAO", status: "RECEIVING", appliedOn: "2026-05-20" });
  await db().entitlement.update({ where: { id: dibao.id }, data: { decidedOn: dateValue("2026-06-03") } });

  // d1 (9) receives the orphan allowance; d2 (12) is eligible without it; d3 turned 18 on 15 June: no longer eligible.
  const d = await makeVillage(D);
  const orphan = (dateOfBirth: string) => makeChild({ village: d, dateOfBirth, schoolStage: "PRIMARY", categories: [{ category: "ORPHAN" }],
    household: { fatherStatus: "DECEASED", motherStatus: "DECEASED" } });
  const d1 = await orphan("2017-03-01");
  await orphan("2014-02-01");
  await orphan("2008-06-15");
  await makeEntitlement({ child: d1, type: "ORPHAN_ALLOWANCE", status: "RECEIVING", appliedOn: "2025-01-05" });
  await unsafeRebuildRollups({ now: NOW });
}, 60_000);

describe("indicator rollups on hand-built villages", () => {
  it("computes every indicator of a village from its case tables, without HIV_AFFECTED", async () => {
    expect(await rowsOf(A, JUNE)).toEqual({
      villages: 1, villages_with_director: 1,
      children: 2, "children category:LEFT_BEHIND": 1, "children category:ORPHAN": 1, "children age:6-13": 1, "children age:0-5": 1,
      "children school:PRIMARY": 1, "children school:NOT_YET": 1,
      visits_due: 2, visits_on_time: 1, visits_overdue: 1, "visits_overdue risk:RED": 1, "risk risk:RED": 1, "risk risk:GREEN": 1,
      visits: 1, "risk_moves down": 1, "benefit_eligible benefit:ORPHAN_ALLOWANCE": 1,
      referrals_made: 1, "referrals_made type:HEALTH": 1, referrals_open: 1, "referrals_open status:APPROVED": 1,
      referrals_decided: 1, "referrals_decided days:3": 1, referrals_past_deadline: 1,
      reports_raised: 1, reports_acknowledged: 1, "reports_acknowledged hours:5": 1,
      group_sessions: 1, "group_attendance children": 6, "group_attendance caregivers": 4,
    });
    expect(await rowsOf(A, MAY)).toEqual({ visits: 1 });
  });

  it("sums villages into their township and county, and counts townships and supervisors from the area tree", async () => {
    expect(await rowsOf("520101002000", JUNE)).toEqual({
      villages: 1, townships: 1, children: 1, "children category:POOR_FAMILY": 1, "children age:14-17": 1, "children school:OUT_OF_SCHOOL": 1,
      visits_due: 1, visits_overdue: 1, "visits_overdue risk:YELLOW": 1, "risk risk:YELLOW": 1,
      "benefit_receiving benefit:DIBAO": 1, unregistered_backlog: 1,
      "benefit_eligible benefit:DIBAO": 1, "benefit_eligible benefit:HUKOU_REGISTRATION": 1, "benefit_eligible benefit:SCHOOL_RETURN": 1, applications_decided: 1, "applications_decided days:14": 1,
    });
    const county = await rowsOf("520101000000", JUNE);
    expect(county).toMatchObject({
      villages: 2, villages_with_director: 1, townships: 2, supervisors: 1, children: 3, visits_due: 3, visits_on_time: 1,
      visits_overdue: 2, "visits_overdue risk:RED": 1, "visits_overdue risk:YELLOW": 1, "risk_moves down": 1, "group_attendance children": 6,
    });
    expect(Object.keys(county).length).toBe(Object.keys(await rowsOf(A, JUNE)).length + Object.keys(await rowsOf("520101002000", JUNE)).length - 3);
    const nation = await db().indicatorRollup.findFirst({ where: { areaCode: "", period: dateValue(JUNE), indicator: "children", breakdown: "" } });
    expect(nation).toMatchObject({ level: "NATION", provinceCode: "00" });
  });

  it("counts children eligible for a benefit, covered or not, next to those receiving it", async () => {
    const benefitRows = (rows: Rows) => Object.fromEntries(Object.entries(rows).filter(([key]) => key.startsWith("benefit_")));
    const expected = {
      "benefit_eligible benefit:ORPHAN_ALLOWANCE": 2, "benefit_receiving benefit:ORPHAN_ALLOWANCE": 1,
      // Orphans in school are eligible for education aid too.
      "benefit_eligible benefit:EDUCATION_AID": 2,
    };
    expect(benefitRows(await rowsOf(D, JUNE))).toEqual(expected);
    expect(benefitRows(await rowsOf("520103000000", JUNE))).toEqual(expected);
    const village = await rowsOf(D, JUNE);
    expect(village).toMatchObject({ children: 3, "children age:6-13": 2 });
    expect(village["children age:14-17"]).toBeUndefined();
  });

  it("loads the eligibility facts of whole villages page by page, active children only", async () => {
    const pages: string[][] = [];
    await unsafeEligibilityFactsForVillages(db(), [A, D], "2026-06-15", (batch) => pages.push(batch.map((c) => c.childId)), 2);
    const active = await db().child.findMany({ where: { areaCode: { in: [A, D] }, status: "ACTIVE" }, select: { id: true } });
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat().sort()).toEqual(active.map((c) => c.id).sort());
  });

  it("fails the consistency check when a stored benefit_eligible row is altered", async () => {
    const key = { areaCode: D, period: dateValue(JUNE), indicator: "benefit_eligible", breakdown: "benefit:ORPHAN_ALLOWANCE" };
    await db().indicatorRollup.update({ where: { areaCode_period_indicator_breakdown: key }, data: { value: 5 } });
    const differences = await unsafeCheckRollups(NOW);
    // The village against its live recount; its township to the nation against the sum of the stored village rows.
    expect(differences).toContainEqual({ areaCode: D, period: JUNE, indicator: "benefit_eligible", breakdown: "benefit:ORPHAN_ALLOWANCE", stored: 5, live: 2 });
    expect(differences.map((d) => [d.areaCode, d.indicator, d.breakdown, d.stored - d.live])).toEqual(
      [D, "520103001000", "520103000000", "520100000000", "520000000000", ""].map((area) => [area, "benefit_eligible", "benefit:ORPHAN_ALLOWANCE", area === D ? 3 : -3]),
    );
    await unsafeRebuildRollups({ now: NOW });
    expect(await unsafeCheckRollups(NOW)).toEqual([]);
  });

  it("never stores HIV_AFFECTED in any breakdown", async () => {
    expect(await db().indicatorRollup.count({ where: { breakdown: { contains: "HIV" } } })).toBe(0);
  });

  it("gives the same rows when rebuilt twice", async () => {
    const first = await snapshot();
    await unsafeRebuildRollups({ now: NOW });
    expect(await snapshot()).toEqual(first);
    expect(first.length).toBeGreaterThan(50);
  });

  it("passes the consistency check, and fails it when a stored row is altered", async () => {
    expect(await unsafeCheckRollups(NOW)).toEqual([]);
    await db().indicatorRollup.update({
      where: { areaCode_period_indicator_breakdown: { areaCode: "520101001000", period: dateValue(JUNE), indicator: "children", breakdown: "" } },
      data: { value: 7 },
    });
    expect(await unsafeCheckRollups(NOW)).toEqual([{ areaCode: "520101001000", period: JUNE, indicator: "children", breakdown: "", stored: 7, live: 2 }]);
    await unsafeRebuildRollups({ now: NOW });
    expect(await unsafeCheckRollups(NOW)).toEqual([]);
  });

  it("marks a village dirty when a visit is recorded, and the refresh brings its rows and its county up to date", async () => {
    const today = todayInChina();
    const period = monthStart(currentMonth());
    const child = await makeChild({ village: { code: C, name: "测试村001" }, riskLevel: "BLUE", categories: [{ category: "ORPHAN" }] });
    const director = await actorFor("VILLAGE_DIRECTOR", C);
    while ((await unsafeRefreshDirty()).villages > 0);
    expect((await rowsOf(C, period)).visits).toBeUndefined();
    expect(await rowsOf(C, period)).toMatchObject({ "benefit_eligible benefit:ORPHAN_ALLOWANCE": 1 });

    await recordVisit(director, visitInput({ childId: child.id, visitedOn: today, riskLevel: "RED" }));
    expect(await db().rollupDirty.count({ where: { areaCode: C } })).toBe(1);
    expect(await unsafeRefreshDirty()).toMatchObject({ villages: expect.any(Number) });

    expect(await db().rollupDirty.count({ where: { areaCode: C } })).toBe(0);
    expect(await rowsOf(C, period)).toMatchObject({ visits: 1, "risk risk:RED": 1, visits_on_time: 1 });
    // A first visit has no earlier tier to move from.
    expect((await rowsOf(C, period))["risk_moves up"]).toBeUndefined();
    expect(await rowsOf("520102000000", period)).toMatchObject({ visits: 1, children: 1, villages: 1, villages_with_director: 1 });
  });
});
