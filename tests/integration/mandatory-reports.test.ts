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
  it("a township supervisor sees her township's open reports, newest first, and none closed or from elsewhere", async () => {
    const listed = await listOpenMandatoryReports(supervisor);
    expect(listed.map((r) => r.id)).toEqual([report.b, report.a]);
    expect(listed[1]).toMatchObject({ kind: "CHILD_ALONE", status: "OPEN", description: `报告 ${A}`, childId: childA });
  });

  it("a report open for more than 24 hours is flagged; a newer one is not", async () => {
    const listed = await listOpenMandatoryReports(supervisor);
    expect(listed.map((r) => [r.id, r.isOverdue, r.hoursOpen])).toEqual([
      [report.b, false, 2],
      [report.a, true, 30],
    ]);
  });

  it("a county officer sees her whole county's reports and not the neighbouring county's", async () => {
    expect((await listOpenMandatoryReports(county)).map((r) => r.id)).toEqual([report.c, report.b, report.a]);
    expect((await listOpenMandatoryReports(otherCounty)).map((r) => r.id)).toEqual([report.d]);
  });

  it("a report raised by a visit appears at once on the urgent list and on the child's file", async () => {
    const child = await makeChild({ village: await makeVillage("530101001003") });
    const local = await actorFor("VILLAGE_DIRECTOR", "530101001003");
    const saved = await recordVisit(
      local,
      visitInput({ childId: child.id, visitedOn: todayInChina(), riskLevel: "RED", safetyCheck: "URGENT", urgentDescription: "孩子独自在家三天" }),
    );
    expect((await listOpenMandatoryReports(supervisor))[0]).toMatchObject({ id: saved.mandatoryReportId, kind: "VISIT_SAFETY", isOverdue: false });
    expect((await listChildOpenMandatoryReports(local, child.id)).map((r) => r.id)).toEqual([saved.mandatoryReportId]);
    expect(await listChildOpenMandatoryReports(director, child.id)).toEqual([]);
  });
});

describe("acknowledging a mandatory report", () => {
  it("a supervisor acknowledges an open report once; it stays on the list as acknowledged, and a second acknowledge is a conflict", async () => {
    const { id } = await makeReport(A, "DIRECT", 5);
    await acknowledgeMandatoryReport(supervisor, { reportId: id, version: 1 });
    const row = await db().mandatoryReport.findUniqueOrThrow({ where: { id }, select: { status: true, acknowledgedById: true, acknowledgedAt: true, version: true } });
    expect(row).toMatchObject({ status: "ACKNOWLEDGED", acknowledgedById: supervisor.userId, version: 2 });
    expect(row.acknowledgedAt).toBeInstanceOf(Date);
    expect((await listOpenMandatoryReports(supervisor)).find((r) => r.id === id)?.status).toBe("ACKNOWLEDGED");
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
