import { beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "@/lib/domain/dates";
import { db, disconnectDb } from "@/lib/server/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/server/errors";
import { acknowledgeMandatoryReport } from "@/lib/server/mandatory-reports/mutations";
import { listChildOpenMandatoryReports, listOpenMandatoryReports } from "@/lib/server/mandatory-reports/queries";
import type { Actor } from "@/lib/server/session";
import { recordVisit } from "@/lib/server/visits/mutations";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { visitInput } from "../factories/visits";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

// Villages A and B in township T1, C in township T2 of the same county, D in another county.
const A = "530101001001";
const B = "530101001002";
const C = "530101002001";
const D = "530102001001";

let director: Actor;
let supervisor: Actor;
let otherSupervisor: Actor;
let county: Actor;
let otherCounty: Actor;
const report: Record<"a" | "b" | "c" | "d" | "closed" | "stale", string> = {} as never;
let childA: string;

async function makeReport(code: string, kind: "VISIT_SAFETY" | "CHILD_ALONE" | "DIRECT", hoursAgo: number, status: "OPEN" | "CLOSED" = "OPEN") {
  const child = await makeChild({ village: await makeVillage(code) });
  const created = await db().mandatoryReport.create({
    data: { childId: child.id, areaCode: code, kind, description: `报告 ${code}`, status, createdAt: new Date(Date.now() - hoursAgo * 3_600_000) },
    select: { id: true },
  });
  return { childId: child.id, id: created.id };
}

beforeAll(async () => {
  director = await actorFor("VILLAGE_DIRECTOR", A);
  supervisor = await actorFor("TOWNSHIP_SUPERVISOR", "530101001000");
  otherSupervisor = await actorFor("TOWNSHIP_SUPERVISOR", "530101002000");
  county = await actorFor("COUNTY_OFFICER", "530101000000");
  otherCounty = await actorFor("COUNTY_OFFICER", "530102000000");
  const a = await makeReport(A, "CHILD_ALONE", 30);
  childA = a.childId;
  report.a = a.id;
  report.b = (await makeReport(B, "DIRECT", 2)).id;
  report.c = (await makeReport(C, "DIRECT", 1)).id;
  report.d = (await makeReport(D, "DIRECT", 1)).id;
  report.closed = (await makeReport(B, "DIRECT", 3, "CLOSED")).id;
});

describe("the urgent list of mandatory reports", () => {
  it("a township supervisor sees her township's open reports, the longest waiting first, and none closed or from elsewhere", async () => {
    const { reports: listed, openCount } = await listOpenMandatoryReports(supervisor);
    expect(listed.map((r) => r.id)).toEqual([report.a, report.b]);
    expect(openCount).toBe(2);
    expect(listed[0]).toMatchObject({ kind: "CHILD_ALONE", status: "OPEN", description: `报告 ${A}`, childId: childA });
  });

  it("a report open for more than 24 hours is flagged; a newer one is not", async () => {
    const { reports: listed } = await listOpenMandatoryReports(supervisor);
    expect(listed.map((r) => [r.id, r.isOverdue, r.hoursOpen])).toEqual([
      [report.a, true, 30],
      [report.b, false, 2],
    ]);
  });

  it("a county officer sees her whole county's reports and not the neighbouring county's", async () => {
    expect((await listOpenMandatoryReports(county)).reports.map((r) => r.id)).toEqual([report.a, report.b, report.c]);
    expect((await listOpenMandatoryReports(otherCounty)).reports.map((r) => r.id)).toEqual([report.d]);
  });

  it("a report raised by a visit appears at once on the urgent list and on the child's file", async () => {
    const child = await makeChild({ village: await makeVillage("530101001003") });
    const local = await actorFor("VILLAGE_DIRECTOR", "530101001003");
    const saved = await recordVisit(
      local,
      visitInput({ childId: child.id, visitedOn: todayInChina(), riskLevel: "RED", safetyCheck: "URGENT", urgentDescription: "孩子独自在家三天" }),
    );
    const listed = (await listOpenMandatoryReports(supervisor)).reports.find((r) => r.id === saved.mandatoryReportId);
    expect(listed).toMatchObject({ kind: "VISIT_SAFETY", status: "OPEN", isOverdue: false });
    expect((await listChildOpenMandatoryReports(local, child.id)).map((r) => r.id)).toEqual([saved.mandatoryReportId]);
    expect(await listChildOpenMandatoryReports(director, child.id)).toEqual([]);
  });
});

describe("the urgent list never loses an open report", () => {
  // A county of its own, so that its counts are this test's alone.
  const VILLAGE = "530104001001";

  async function manyReports(count: number, status: "OPEN" | "ACKNOWLEDGED", firstHoursAgo: number) {
    const child = await makeChild({ village: await makeVillage(VILLAGE) });
    await db().mandatoryReport.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        childId: child.id,
        areaCode: VILLAGE,
        kind: "DIRECT" as const,
        description: `${status} ${i}`,
        status,
        createdAt: new Date(Date.now() - (firstHoursAgo - i) * 3_600_000),
      })),
    });
  }

  it("with 60 open and 25 acknowledged reports, all 60 open ones are listed oldest first, then the 20 newest acknowledged, with true counts", async () => {
    await manyReports(60, "OPEN", 100);
    await manyReports(25, "ACKNOWLEDGED", 200);
    const local = await actorFor("TOWNSHIP_SUPERVISOR", "530104001000");
    const { reports, openCount, acknowledgedCount } = await listOpenMandatoryReports(local);
    expect({ openCount, acknowledgedCount }).toEqual({ openCount: 60, acknowledgedCount: 25 });
    const open = reports.filter((r) => r.status === "OPEN");
    expect(open).toHaveLength(60);
    expect(open[0]).toMatchObject({ description: "OPEN 0", hoursOpen: 100, isOverdue: true });
    expect(reports.slice(0, 60).every((r) => r.status === "OPEN")).toBe(true);
    const acknowledged = reports.slice(60);
    expect(acknowledged).toHaveLength(20);
    expect(acknowledged.map((r) => r.description)).toEqual(Array.from({ length: 20 }, (_, i) => `ACKNOWLEDGED ${24 - i}`));
  });
});

describe("acknowledging a mandatory report", () => {
  it("a supervisor acknowledges an open report once; it stays on the list as acknowledged, and a second acknowledge is a conflict", async () => {
    const { id } = await makeReport(A, "DIRECT", 5);
    await acknowledgeMandatoryReport(supervisor, { reportId: id, version: 1 });
    const row = await db().mandatoryReport.findUniqueOrThrow({ where: { id }, select: { status: true, acknowledgedById: true, acknowledgedAt: true, version: true } });
    expect(row).toMatchObject({ status: "ACKNOWLEDGED", acknowledgedById: supervisor.userId, version: 2 });
    expect(row.acknowledgedAt).toBeInstanceOf(Date);
    expect((await listOpenMandatoryReports(supervisor)).reports.find((r) => r.id === id)?.status).toBe("ACKNOWLEDGED");
    await expect(acknowledgeMandatoryReport(county, { reportId: id, version: 1 })).rejects.toBeInstanceOf(ConflictError);
    await expect(acknowledgeMandatoryReport(county, { reportId: id, version: 2 })).rejects.toBeInstanceOf(ConflictError);
    expect(await db().auditEvent.count({ where: { entity: "mandatoryReport", entityId: id, action: "update", outcome: "SUCCESS" } })).toBe(1);
  });

  it("a director may not acknowledge, and a supervisor of another township gets not-found", async () => {
    const { id } = await makeReport(B, "DIRECT", 5);
    report.stale = id;
    await expect(acknowledgeMandatoryReport(director, { reportId: id, version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(acknowledgeMandatoryReport(otherSupervisor, { reportId: id, version: 1 })).rejects.toBeInstanceOf(NotFoundError);
    expect((await db().mandatoryReport.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe("OPEN");
  });
});
