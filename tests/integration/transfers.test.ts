import { beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "@/lib/domain/dates";
import { searchVillages } from "@/lib/server/areas/search";
import { getChildFile } from "@/lib/server/children/file";
import { db, disconnectDb } from "@/lib/server/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/session";
import { acceptTransfer } from "@/lib/server/transfers/accept";
import { cancelTransfer, rejectTransfer, requestTransfer } from "@/lib/server/transfers/mutations";
import { findOpenTransferForChild, getTransfer, listTransfers } from "@/lib/server/transfers/queries";
import { recordVisit } from "@/lib/server/visits/mutations";
import { makeVillage } from "../factories/areas";
import { insertChild, makeChild } from "../factories/children";
import { visitInput } from "../factories/visits";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

// The child leaves village FROM (township 411523101) for village TO in another province (township 330106001).
const FROM = "411523101201";
const TO = "330106001001";
const ELSEWHERE = "411523102201";

let from: { code: string; name: string };
let to: { code: string; name: string };
let sendingDirector: Actor;
let receivingDirector: Actor;
let receivingSupervisor: Actor;
let sendingSupervisor: Actor;
let otherSupervisor: Actor;

beforeAll(async () => {
  from = await makeVillage(FROM, "东山村民委员会");
  to = await makeVillage(TO, "西湖村民委员会");
  await makeVillage(ELSEWHERE);
  sendingDirector = await actorFor("VILLAGE_DIRECTOR", FROM);
  receivingDirector = await actorFor("VILLAGE_DIRECTOR", TO);
  receivingSupervisor = await actorFor("TOWNSHIP_SUPERVISOR", "330106001000");
  sendingSupervisor = await actorFor("TOWNSHIP_SUPERVISOR", "411523101000");
  otherSupervisor = await actorFor("TOWNSHIP_SUPERVISOR", "411523102000");
});

async function requested() {
  const child = await makeChild({ village: from, categories: [{ category: "LEFT_BEHIND" }] });
  const { transferId } = await requestTransfer(sendingDirector, { childId: child.id, toAreaCode: TO, reason: "随父母迁居" });
  const { version } = await db().childTransfer.findUniqueOrThrow({ where: { id: transferId }, select: { version: true } });
  return { child, transferId, version };
}

describe("requesting a transfer", () => {
  it("a director's request is listed as outgoing for her and incoming for the receiving supervisor, who is notified", async () => {
    const { child, transferId } = await requested();
    expect((await listTransfers(sendingDirector)).outgoing.map((t) => t.id)).toContain(transferId);
    const incoming = (await listTransfers(receivingSupervisor)).incoming.find((t) => t.id === transferId);
    expect(incoming).toMatchObject({ childId: child.id, status: "REQUESTED", fromAreaName: "东山村", toAreaName: "西湖村", requestedOn: todayInChina() });
    expect((await getTransfer(receivingSupervisor, transferId)).id).toBe(transferId);
    expect(await db().notification.count({ where: { entityId: transferId, kind: "TRANSFER_REQUESTED", userId: receivingSupervisor.userId } })).toBe(1);
    const sent = await db().notification.findFirstOrThrow({ where: { entityId: transferId, kind: "TRANSFER_REQUESTED" }, select: { params: true } });
    expect(sent.params).toMatchObject({ childName: (await db().child.findUniqueOrThrow({ where: { id: child.id }, select: { name: true } })).name });
    const audits = await db().auditEvent.findMany({ where: { entity: "transfer", entityId: transferId, action: "create" }, select: { areaCode: true } });
    expect(audits.map((a) => a.areaCode).sort()).toEqual([TO, FROM].sort());
  });

  it("until the transfer is accepted the sending director keeps the file and the receiving side cannot open it", async () => {
    const { child } = await requested();
    expect(await getChildFile(sendingDirector, child.id)).not.toBeNull();
    expect(await getChildFile(receivingDirector, child.id)).toBeNull();
    expect((await findOpenTransferForChild(sendingDirector, child.id))?.status).toBe("REQUESTED");
  });

  it("a second open transfer for the same child is refused, even when both are sent at once", async () => {
    const child = await makeChild({ village: from });
    const input = { childId: child.id, toAreaCode: TO, reason: "迁居" };
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => requestTransfer(sendingDirector, input)));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((o) => o.status === "rejected")?.reason).toBeInstanceOf(ConflictError);
    expect(await db().childTransfer.count({ where: { childId: child.id } })).toBe(1);
  });

  it("the destination must be a real village other than her own", async () => {
    const child = await makeChild({ village: from });
    await expect(requestTransfer(sendingDirector, { childId: child.id, toAreaCode: FROM, reason: "x" })).rejects.toBeInstanceOf(ValidationError);
    await expect(requestTransfer(sendingDirector, { childId: child.id, toAreaCode: "330106001999", reason: "x" })).rejects.toBeInstanceOf(ValidationError);
    expect(await db().childTransfer.count({ where: { childId: child.id } })).toBe(0);
  });

  it("a director cannot transfer a child of another village, and the attempt is audited as denied", async () => {
    const child = await makeChild({ village: to });
    await expect(requestTransfer(sendingDirector, { childId: child.id, toAreaCode: ELSEWHERE, reason: "x" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().auditEvent.count({ where: { entity: "transfer", entityId: child.id, outcome: "DENIED", actorId: sendingDirector.userId } })).toBe(1);
  });

  it("supervisors cannot request transfers", async () => {
    const child = await makeChild({ village: from });
    await expect(requestTransfer(sendingSupervisor, { childId: child.id, toAreaCode: TO, reason: "x" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("accepting a transfer", () => {
  it("moves the child with her history to the receiving village: the new director sees it, the old one no longer does", async () => {
    const { child, transferId, version } = await requested();
    await recordVisit(sendingDirector, visitInput({ childId: child.id, visitedOn: todayInChina(), riskLevel: "GREEN" }));
    await acceptTransfer(receivingSupervisor, { transferId, version });

    expect(await getChildFile(sendingDirector, child.id)).toBeNull();
    const file = await getChildFile(receivingDirector, child.id);
    expect(file?.id).toBe(child.id);
    const moved = { where: { childId: child.id, areaCode: { not: TO } } };
    expect(await db().visit.count(moved)).toBe(0);
    expect(await db().childCategory.count(moved)).toBe(0);
    expect(await db().visit.count({ where: { childId: child.id } })).toBe(1);
    const household = await db().household.findUniqueOrThrow({ where: { id: child.householdId }, select: { areaCode: true, guardians: { select: { areaCode: true } } } });
    expect(household).toEqual({ areaCode: TO, guardians: [{ areaCode: TO }] });
    expect(await db().notification.count({ where: { entityId: transferId, kind: "TRANSFER_ACCEPTED", userId: sendingDirector.userId } })).toBe(1);
    const audits = await db().auditEvent.findMany({ where: { entity: "transfer", entityId: transferId, action: "update" }, select: { areaCode: true } });
    expect(audits.map((a) => a.areaCode).sort()).toEqual([TO, FROM].sort());
    // Both sides still see the transfer itself.
    expect((await getTransfer(sendingDirector, transferId)).status).toBe("ACCEPTED");
  });

  it("a sibling who stays keeps the household; the moving child gets a copy with the guardians in the new village", async () => {
    const { child, transferId, version } = await requested();
    const sibling = await db().$transaction(async (tx) => {
      const made = await insertChild(tx, { village: from });
      await tx.child.update({ where: { id: made.id }, data: { householdId: child.householdId } });
      return made;
    });
    await acceptTransfer(receivingSupervisor, { transferId, version });
    const moved = await db().child.findUniqueOrThrow({ where: { id: child.id }, select: { householdId: true, household: { select: { areaCode: true, address: true, guardians: { select: { areaCode: true } } } } } });
    const old = await db().household.findUniqueOrThrow({ where: { id: child.householdId }, select: { areaCode: true, address: true } });
    expect(moved.householdId).not.toBe(child.householdId);
    expect(moved.household).toEqual({ areaCode: TO, address: old.address, guardians: [{ areaCode: TO }] });
    expect(old.areaCode).toBe(FROM);
    expect(await getChildFile(sendingDirector, sibling.id)).not.toBeNull();
  });

  it("a file closed after the request is not moved when the receiving side accepts", async () => {
    const { child, transferId, version } = await requested();
    await db().child.update({ where: { id: child.id }, data: { status: "CLOSED", closedReason: "DIED" } });
    await expect(acceptTransfer(receivingSupervisor, { transferId, version })).rejects.toBeInstanceOf(ConflictError);
    expect((await db().child.findUniqueOrThrow({ where: { id: child.id } })).areaCode).toBe(from.code);
    expect((await db().childTransfer.findUniqueOrThrow({ where: { id: transferId } })).status).toBe("REQUESTED");
  });

  it("of two accepts sent at once exactly one wins and the other is a conflict", async () => {
    const { transferId, version } = await requested();
    const outcomes = await Promise.allSettled([
      acceptTransfer(receivingSupervisor, { transferId, version }),
      acceptTransfer(receivingSupervisor, { transferId, version }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((o) => o.status === "rejected")?.reason).toBeInstanceOf(ConflictError);
    expect(await db().auditEvent.count({ where: { entity: "transfer", entityId: transferId, action: "update" } })).toBe(2);
  });

  it("the sending township's supervisor and another township's supervisor cannot accept", async () => {
    const { child, transferId, version } = await requested();
    await expect(acceptTransfer(sendingSupervisor, { transferId, version })).rejects.toBeInstanceOf(NotFoundError);
    await expect(acceptTransfer(otherSupervisor, { transferId, version })).rejects.toBeInstanceOf(NotFoundError);
    await expect(acceptTransfer(receivingDirector, { transferId, version })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getTransfer(otherSupervisor, transferId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await db().child.findUniqueOrThrow({ where: { id: child.id }, select: { areaCode: true } })).areaCode).toBe(FROM);
    expect(await db().auditEvent.count({ where: { entity: "transfer", entityId: transferId, outcome: "DENIED" } })).toBe(3);
  });
});

describe("rejecting and cancelling", () => {
  it("a rejection keeps the child where she is, with the note, and allows a new request", async () => {
    const { child, transferId, version } = await requested();
    await rejectTransfer(receivingSupervisor, { transferId, version, note: "查无此户" });
    expect(await getTransfer(sendingDirector, transferId)).toMatchObject({ status: "REJECTED", decisionNote: "查无此户" });
    expect(await getChildFile(sendingDirector, child.id)).not.toBeNull();
    await expect(acceptTransfer(receivingSupervisor, { transferId, version: version + 1 })).rejects.toBeInstanceOf(ConflictError);
    await expect(requestTransfer(sendingDirector, { childId: child.id, toAreaCode: TO, reason: "再次申请" })).resolves.toHaveProperty("transferId");
  });

  it("the sending director cancels while the request is open; the receiving side cannot cancel and nobody can accept afterwards", async () => {
    const { child, transferId, version } = await requested();
    await expect(cancelTransfer(receivingDirector, { transferId, version })).rejects.toBeInstanceOf(NotFoundError);
    await cancelTransfer(sendingDirector, { transferId, version });
    expect((await getTransfer(receivingSupervisor, transferId)).status).toBe("CANCELLED");
    await expect(acceptTransfer(receivingSupervisor, { transferId, version: version + 1 })).rejects.toBeInstanceOf(ConflictError);
    expect(await findOpenTransferForChild(sendingDirector, child.id)).toBeNull();
    expect((await db().child.findUniqueOrThrow({ where: { id: child.id }, select: { areaCode: true } })).areaCode).toBe(FROM);
  });
});

describe("the village search", () => {
  it("finds villages anywhere in the country by name, with the full path", async () => {
    const found = await searchVillages(sendingDirector, "西湖");
    expect(found).toContainEqual({ code: TO, name: "西湖村", path: expect.stringMatching(/ \/ 西湖村$/) });
    expect(found.find((v) => v.code === TO)?.path.split(" / ")).toHaveLength(5);
  });
});
