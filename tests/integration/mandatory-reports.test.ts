import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { todayInChina, ZONE } from "@/lib/domain/dates";
import { createReportSchema, recordPoliceSchema } from "@/lib/schemas/mandatory-report";
import { db, disconnectDb } from "@/lib/server/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { createMandatoryReport } from "@/lib/server/mandatory-reports/create";
import { unsafeEscalateOverdueReports } from "@/lib/server/mandatory-reports/escalation";
import { closeMandatoryReport, recordPoliceInformed } from "@/lib/server/mandatory-reports/follow-up";
import { acknowledgeMandatoryReport } from "@/lib/server/mandatory-reports/mutations";
import { getMandatoryReport, listMandatoryReports } from "@/lib/server/mandatory-reports/report";
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
    expect(listed.map((r) => [r.id, r.isEscalated, r.hoursOpen])).toEqual([
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
    expect(listed).toMatchObject({ kind: "VISIT_SAFETY", status: "OPEN", isEscalated: false });
    const notified = await db().notification.findMany({ where: { entityId: saved.mandatoryReportId!, kind: "URGENT_REPORT" }, select: { userId: true } });
    expect(notified.map((n) => n.userId).sort()).toEqual([supervisor.userId, county.userId].sort());
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
    expect(open[0]).toMatchObject({ description: "OPEN 0", hoursOpen: 100, isEscalated: true });
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

const HOUR = 3_600_000;
const beijing = (at: Date) => format(new TZDate(at, ZONE), "yyyy-MM-dd'T'HH:mm");

async function reportAt(code: string, createdAt: Date) {
  const child = await makeChild({ village: await makeVillage(code) });
  const created = await db().mandatoryReport.create({
    data: { childId: child.id, areaCode: code, kind: "DIRECT", description: "孩子身上有伤", createdAt },
    select: { id: true },
  });
  return created.id;
}

const escalations = (entityId: string) => db().notification.findMany({ where: { kind: "REPORT_ESCALATED", entityId }, select: { userId: true } });

describe("escalation to the county after 24 hours without acknowledgement", () => {
  // A county of its own (530105), so its officers' notifications are this block's alone.
  const VILLAGE = "530105001001";
  let countyOfficer: Actor;
  let townshipSupervisor: Actor;

  beforeAll(async () => {
    countyOfficer = await actorFor("COUNTY_OFFICER", "530105000000");
    townshipSupervisor = await actorFor("TOWNSHIP_SUPERVISOR", "530105001000");
  });

  it("an open report is not escalated at 23 hours, is escalated at 25 hours with one notification to the county, and a second run adds nothing", async () => {
    const raised = new Date(Date.now() - HOUR);
    const id = await reportAt(VILLAGE, raised);
    const at = (hours: number) => new Date(raised.getTime() + hours * HOUR);

    expect(await unsafeEscalateOverdueReports(at(23))).not.toContain(id);
    expect(await escalations(id)).toEqual([]);
    expect((await listOpenMandatoryReports(countyOfficer, at(23))).reports.find((r) => r.id === id)?.isEscalated).toBe(false);

    expect(await unsafeEscalateOverdueReports(at(25))).toContain(id);
    expect(await escalations(id)).toEqual([{ userId: countyOfficer.userId }]);
    expect(await unsafeEscalateOverdueReports(at(26))).not.toContain(id);
    const listed = await listOpenMandatoryReports(townshipSupervisor, at(27));
    expect(listed.reports.find((r) => r.id === id)?.isEscalated).toBe(true);
    expect(await escalations(id)).toHaveLength(1);
    expect((await getMandatoryReport(countyOfficer, id, at(27))).history.map((s) => s.step)).toContain("escalated");
  });

  it("reading the county's urgent list is what announces an overdue report", async () => {
    const raised = new Date(Date.now() - 2 * HOUR);
    const id = await reportAt("530105001002", raised);
    await listOpenMandatoryReports(countyOfficer, new Date(raised.getTime() + 30 * HOUR));
    expect(await escalations(id)).toEqual([{ userId: countyOfficer.userId }]);
  });

  it("a report in a county with no active officer is escalated once all the same (no endless retries)", async () => {
    const raised = new Date(Date.now() - HOUR);
    // County 530106 has no officer: nobody to notify, yet the escalation is on record and not repeated.
    const id = await reportAt("530106001001", raised);
    expect(await unsafeEscalateOverdueReports(new Date(raised.getTime() + 25 * HOUR))).toContain(id);
    expect(await unsafeEscalateOverdueReports(new Date(raised.getTime() + 26 * HOUR))).not.toContain(id);
    expect(await escalations(id)).toEqual([]);
    expect(await db().auditEvent.count({ where: { entity: "mandatoryReport", entityId: id, action: "escalate" } })).toBe(1);
  });

  it("a report acknowledged within 24 hours is never escalated", async () => {
    const raised = new Date(Date.now() - HOUR);
    const id = await reportAt("530105001003", raised);
    await acknowledgeMandatoryReport(townshipSupervisor, { reportId: id, version: 1 });
    expect(await unsafeEscalateOverdueReports(new Date(raised.getTime() + 25 * HOUR))).not.toContain(id);
    expect(await unsafeEscalateOverdueReports(new Date(raised.getTime() + 100 * HOUR))).not.toContain(id);
    expect(await escalations(id)).toEqual([]);
    const listed = await listOpenMandatoryReports(countyOfficer, new Date(raised.getTime() + 25 * HOUR));
    expect(listed.reports.find((r) => r.id === id)).toMatchObject({ status: "ACKNOWLEDGED", isEscalated: false });
  });
});

describe("raising a mandatory report directly", () => {
  const VILLAGE = "530106001001";
  let local: Actor;
  let localSupervisor: Actor;
  let localCounty: Actor;
  let farSupervisor: Actor;
  let childId: string;

  beforeAll(async () => {
    local = await actorFor("VILLAGE_DIRECTOR", VILLAGE);
    localSupervisor = await actorFor("TOWNSHIP_SUPERVISOR", "530106001000");
    localCounty = await actorFor("COUNTY_OFFICER", "530106000000");
    farSupervisor = await actorFor("TOWNSHIP_SUPERVISOR", "530106002000");
    childId = (await makeChild({ village: await makeVillage(VILLAGE), name: "李小花" })).id;
  });

  it("a director's direct report is OPEN at once and notifies her township's supervisor and the county, not herself or another township", async () => {
    const { id } = await createMandatoryReport(local, createReportSchema.parse({ childId, description: "邻居说孩子被打" }));
    expect(await db().mandatoryReport.findUniqueOrThrow({ where: { id }, select: { status: true, kind: true, policeInformedAt: true } })).toEqual({
      status: "OPEN",
      kind: "DIRECT",
      policeInformedAt: null,
    });
    const sent = await db().notification.findMany({ where: { entityId: id }, select: { userId: true, kind: true, params: true } });
    expect(sent.map((n) => n.userId).sort()).toEqual([localSupervisor.userId, localCounty.userId].sort());
    expect(sent.every((n) => n.kind === "URGENT_REPORT")).toBe(true);
    expect(sent[0]?.params).toEqual({ childName: "李小花" });
    expect(sent.map((n) => n.userId)).not.toContain(farSupervisor.userId);
  });

  it("a supervisor may record the police call when she raises the report", async () => {
    const informedAt = beijing(new Date(Date.now() - 2 * HOUR));
    const input = createReportSchema.parse({ childId, description: "孩子独自在家", policeInformedBy: "王主任", policeInformedAt: informedAt, policeReference: "110-2026-1" });
    const { id } = await createMandatoryReport(localSupervisor, input);
    const detail = await getMandatoryReport(localCounty, id);
    expect(detail.police).toEqual({ informedBy: "王主任", informedAt: informedAt.replace("T", " "), reference: "110-2026-1" });
    expect(await db().notification.count({ where: { entityId: id, userId: localSupervisor.userId } })).toBe(0);
  });

  it("a child outside the actor's jurisdiction is not found, nothing is written, and the attempt is audited", async () => {
    const before = await db().mandatoryReport.count();
    await expect(createMandatoryReport(farSupervisor, createReportSchema.parse({ childId, description: "x" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(createMandatoryReport(director, createReportSchema.parse({ childId, description: "x" }))).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().mandatoryReport.count()).toBe(before);
    expect(await db().auditEvent.count({ where: { actorId: farSupervisor.userId, entity: "mandatoryReport", outcome: "DENIED" } })).toBe(1);
  });

  it("a county officer may not raise one directly", async () => {
    await expect(createMandatoryReport(localCounty, createReportSchema.parse({ childId, description: "x" }))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("the form refuses an empty description and a police call without its time", () => {
    const result = createReportSchema.safeParse({ childId, description: " ", policeInformedBy: "王" });
    expect(result.success).toBe(false);
    expect(Object.keys(z.flattenError(result.error!).fieldErrors).sort()).toEqual(["description", "policeInformedAt"]);
  });
});

describe("following up a report: police informed, acknowledged, closed", () => {
  const VILLAGE = "530107001001";
  let localSupervisor: Actor;
  let localCounty: Actor;
  let id: string;

  beforeAll(async () => {
    localSupervisor = await actorFor("TOWNSHIP_SUPERVISOR", "530107001000");
    localCounty = await actorFor("COUNTY_OFFICER", "530107000000");
    id = await reportAt(VILLAGE, new Date(Date.now() - HOUR));
  });

  it("a police-informed time in the future is refused by the form and by the data layer, and changes nothing", async () => {
    const future = beijing(new Date(Date.now() + 2 * HOUR));
    expect(recordPoliceSchema.safeParse({ reportId: id, version: 1, policeInformedBy: "王", policeInformedAt: future }).success).toBe(false);
    await expect(recordPoliceInformed(localSupervisor, { reportId: id, version: 1, policeInformedBy: "王", policeInformedAt: future, policeReference: "" })).rejects.toBeInstanceOf(ValidationError);
    const past = beijing(new Date(Date.now() - HOUR));
    await expect(
      recordPoliceInformed(localSupervisor, { reportId: id, version: 1, policeInformedBy: "王", policeInformedAt: past, policeReference: "" }, new Date(Date.now() - 3 * HOUR)),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await db().mandatoryReport.findUniqueOrThrow({ where: { id }, select: { policeInformedAt: true, version: true } })).toEqual({ policeInformedAt: null, version: 1 });
  });

  it("records who told the police and when, as a versioned, audited update; a stale version is a conflict", async () => {
    const informedAt = new Date(Math.floor((Date.now() - 30 * 60_000) / 60_000) * 60_000);
    await recordPoliceInformed(localSupervisor, { reportId: id, version: 1, policeInformedBy: "村主任王芳", policeInformedAt: beijing(informedAt), policeReference: "派出所2026-7" });
    const row = await db().mandatoryReport.findUniqueOrThrow({ where: { id }, select: { policeInformedAt: true, policeInformedBy: true, policeReference: true, version: true, status: true } });
    expect(row).toEqual({ policeInformedAt: informedAt, policeInformedBy: "村主任王芳", policeReference: "派出所2026-7", version: 2, status: "OPEN" });
    await expect(recordPoliceInformed(localCounty, { reportId: id, version: 1, policeInformedBy: "x", policeInformedAt: beijing(informedAt), policeReference: "" })).rejects.toBeInstanceOf(ConflictError);
    await expect(recordPoliceInformed(otherSupervisor, { reportId: id, version: 2, policeInformedBy: "x", policeInformedAt: beijing(informedAt), policeReference: "" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordPoliceInformed(director, { reportId: id, version: 2, policeInformedBy: "x", policeInformedAt: beijing(informedAt), policeReference: "" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("an open report cannot be closed before it is acknowledged; once acknowledged it closes once, with its note in the history", async () => {
    await expect(closeMandatoryReport(localCounty, { reportId: id, version: 2, note: "已处理" })).rejects.toThrow("mandatoryReport.errors.notAcknowledged");
    await acknowledgeMandatoryReport(localSupervisor, { reportId: id, version: 2 });
    await expect(closeMandatoryReport(otherSupervisor, { reportId: id, version: 3, note: "已处理" })).rejects.toBeInstanceOf(NotFoundError);
    await closeMandatoryReport(localCounty, { reportId: id, version: 3, note: "孩子已由姑姑接走照顾" });
    await expect(closeMandatoryReport(localSupervisor, { reportId: id, version: 4, note: "again" })).rejects.toThrow("mandatoryReport.errors.closed");
    await expect(
      recordPoliceInformed(localSupervisor, { reportId: id, version: 4, policeInformedBy: "x", policeInformedAt: beijing(new Date()), policeReference: "" }),
    ).rejects.toBeInstanceOf(ConflictError);
    const detail = await getMandatoryReport(localSupervisor, id);
    expect(detail.status).toBe("CLOSED");
    expect(detail.history.map((s) => s.step)).toEqual(["policeInformed", "acknowledged", "closed"]);
    expect(detail.history[2]).toMatchObject({ note: "孩子已由姑姑接走照顾", byRole: "COUNTY_OFFICER" });
    expect((await listOpenMandatoryReports(localSupervisor)).reports.map((r) => r.id)).not.toContain(id);
    expect((await listMandatoryReports(localSupervisor, { status: "CLOSED" })).map((r) => r.id)).toEqual([id]);
  });

  it("a report outside the reader's jurisdiction is not found", async () => {
    await expect(getMandatoryReport(otherSupervisor, id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
