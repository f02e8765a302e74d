import { beforeAll, describe, expect, it } from "vitest";
import { getChildFile } from "@/lib/server/children/file";
import crypto from "node:crypto";
import { isoDate, todayInChina } from "@/lib/domain/dates";
import { closeChildFile, reopenChildFile } from "@/lib/server/children/mutations";
import { ConflictError, NotFoundError } from "@/lib/server/errors";
import { db, disconnectDb } from "@/lib/server/db";
import { decryptField } from "@/lib/server/field-crypto";
import type { Actor } from "@/lib/server/session";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

const VILLAGE = "411523101501";
let village: { code: string; name: string };
let director: Actor;
let supervisor: Actor;
let county: Actor;
let child: Awaited<ReturnType<typeof makeChild>>;
let guardianPhone: string;

beforeAll(async () => {
  village = await makeVillage(VILLAGE);
  director = await actorFor("VILLAGE_DIRECTOR", VILLAGE);
  supervisor = await actorFor("TOWNSHIP_SUPERVISOR", "411523101000");
  county = await actorFor("COUNTY_OFFICER", "411523000000");
  child = await makeChild({
    village,
    household: { fatherStatus: "WORKING_AWAY", fatherWhereabouts: "广东东莞", motherStatus: "WORKING_AWAY" },
    guardian: { isEntrusted: true, confirmationSignedOn: null },
    categories: [{ category: "LEFT_BEHIND" }, { category: "HIV_AFFECTED" }],
  });
  const guardian = await db().guardian.findFirstOrThrow({ where: { householdId: child.householdId } });
  guardianPhone = decryptField(guardian.phone!);
});

describe("the child's file", () => {
  it("masks the ID number for every role and shows the guardian's phone in full to the director only", async () => {
    const mine = (await getChildFile(director, child.id))!;
    const theirs = (await getChildFile(supervisor, child.id))!;
    for (const file of [mine, theirs]) {
      expect(file.idNumberMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
      expect(JSON.stringify(file)).not.toContain(child.idNumber!);
    }
    expect(mine.household.guardians[0]!.phone).toBe(guardianPhone);
    expect(theirs.household.guardians[0]!.phone).toBe(`${guardianPhone.slice(0, 3)}****${guardianPhone.slice(-4)}`);
    expect(mine.household.father).toMatchObject({ status: "WORKING_AWAY", whereabouts: "广东东莞" });
    expect(mine.household.guardians[0]).toMatchObject({ isEntrusted: true, confirmationSignedOn: null });
  });

  it("never carries the specially protected category", async () => {
    const file = (await getChildFile(director, child.id))!;
    expect(file.categories.map((c) => c.category)).toEqual(["LEFT_BEHIND"]);
  });

  it("lists who viewed the file for the supervisor and the county, and not for the director", async () => {
    await getChildFile(director, child.id);
    expect((await getChildFile(director, child.id))!.viewers).toBeNull();
    const seenBySupervisor = (await getChildFile(supervisor, child.id))!.viewers!;
    expect(seenBySupervisor[0]).toMatchObject({ role: "TOWNSHIP_SUPERVISOR", displayName: "测试用户" });
    expect(seenBySupervisor.some((v) => v.role === "VILLAGE_DIRECTOR")).toBe(true);
    const seenByCounty = (await getChildFile(county, child.id))!.viewers!;
    expect(seenByCounty.length).toBeLessThanOrEqual(20);
    expect(seenByCounty[0]!.role).toBe("COUNTY_OFFICER");
  });

  it("keeps only the last 20 readers in the viewers list", async () => {
    for (let i = 0; i < 22; i++) await getChildFile(director, child.id);
    expect((await getChildFile(county, child.id))!.viewers).toHaveLength(20);
  });

  it("stays readable after closing, with the director's note as the reason for OTHER", async () => {
    const closing = await makeChild({ village });
    await closeChildFile(director, { childId: closing.id, version: closing.version, reason: "OTHER", note: "送往县儿童福利院" });
    const file = (await getChildFile(supervisor, closing.id))!;
    expect(file).toMatchObject({ status: "CLOSED", closedReason: "送往县儿童福利院" });
    expect(file.closedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("shows an open CHILD_ALONE report on the file", async () => {
    const alone = await makeChild({ village, livingArrangement: "ALONE" });
    await db().mandatoryReport.create({ data: { childId: alone.id, areaCode: VILLAGE, kind: "CHILD_ALONE", description: "独居" } });
    const file = (await getChildFile(director, alone.id))!;
    expect(file.openReports).toEqual([expect.objectContaining({ kind: "CHILD_ALONE", status: "OPEN" })]);
  });
});

describe("closing and reopening a file", () => {
  it("audits an attempt to close a file outside the director's village as DENIED and says not found", async () => {
    const elsewhere = await makeChild({ village: await makeVillage("411523101502") });
    await expect(closeChildFile(director, { childId: elsewhere.id, version: elsewhere.version, reason: "MOVED_AWAY" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await db().child.findUniqueOrThrow({ where: { id: elsewhere.id } })).status).toBe("ACTIVE");
    const denied = await db().auditEvent.findFirst({ where: { actorId: director.userId, action: "close", entityId: elsewhere.id } });
    expect(denied?.outcome).toBe("DENIED");
  });

  it("reopens a closed file once: active again, reason cleared, due for a visit today, audited", async () => {
    const returning = await makeChild({ village });
    await closeChildFile(director, { childId: returning.id, version: returning.version, reason: "MOVED_AWAY" });
    const input = { childId: returning.id, version: returning.version + 1, note: "随父母返乡" };
    await reopenChildFile(director, input);
    await expect(reopenChildFile(director, input)).rejects.toBeInstanceOf(ConflictError);
    const row = await db().child.findUniqueOrThrow({ where: { id: returning.id } });
    expect(row).toMatchObject({ status: "ACTIVE", closedReason: null, closedAt: null, version: returning.version + 2 });
    expect(isoDate(row.nextVisitOn!)).toBe(todayInChina());
    const audit = await db().auditEvent.findFirst({ where: { entityId: returning.id, action: "update" } });
    expect(audit).toMatchObject({ outcome: "SUCCESS", details: { reopened: true, note: "随父母返乡" } });
  });

  it("does not reopen a file outside the director's village, nor let a supervisor reopen one", async () => {
    const elsewhere = await makeChild({ village: await makeVillage("411523101503") });
    await db().child.update({ where: { id: elsewhere.id }, data: { status: "CLOSED", closedReason: "MOVED_AWAY" } });
    await expect(reopenChildFile(director, { childId: elsewhere.id, version: elsewhere.version, note: "" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(reopenChildFile(director, { childId: crypto.randomUUID(), version: 1, note: "" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(reopenChildFile(supervisor, { childId: elsewhere.id, version: elsewhere.version, note: "" })).rejects.toThrow("errors.forbidden");
    expect((await db().child.findUniqueOrThrow({ where: { id: elsewhere.id } })).status).toBe("CLOSED");
  });
});
