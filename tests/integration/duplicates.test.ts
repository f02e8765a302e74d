import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "@/lib/domain/dates";
import { makeIdNumber } from "@/lib/domain/id-number";
import { createChildSchema, updateChildSchema } from "@/lib/schemas/child";
import { DuplicateIdError, findLikelyDuplicates, LikelyDuplicateError } from "@/lib/server/children/duplicates";
import { createChild, updateChild } from "@/lib/server/children/registration";
import { db, disconnectDb } from "@/lib/server/db";
import { blindIndex } from "@/lib/server/field-crypto";
import type { Actor } from "@/lib/server/session";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

const YEAR = Number(todayInChina().slice(0, 4));
const DOB = `${YEAR - 7}-03-10`;

let village: { code: string; name: string };
let other: { code: string; name: string };
let director: Actor;
let householdId: string;

function registration(name: string, dateOfBirth: string, over: Record<string, unknown> = {}) {
  return createChildSchema.parse({
    householdId,
    requestId: crypto.randomUUID(),
    name,
    sex: "FEMALE",
    dateOfBirth,
    idNumber: "",
    noId: true,
    noIdReason: "未办理出生登记",
    hukouStatus: "NONE",
    schoolStage: "PRIMARY",
    schoolName: "小学",
    livingArrangement: "GRANDPARENTS",
    consentBasis: "STATUTORY_DUTY",
    ...over,
  });
}

beforeAll(async () => {
  village = await makeVillage("411523101401");
  other = await makeVillage("411523101402");
  director = await actorFor("VILLAGE_DIRECTOR", village.code);
  const existing = await makeChild({ village, name: "王小花", sex: "FEMALE", dateOfBirth: DOB });
  householdId = existing.householdId;
});

describe("the same ID number", () => {
  it("is refused with the existing file's id, and nothing is saved", async () => {
    const existing = await makeChild({ village, name: "李身份", sex: "MALE", dateOfBirth: DOB });
    const before = await db().child.count();
    const attempt = createChild(director, registration("李另名", DOB, { sex: "MALE", noId: false, noIdReason: "", idNumber: existing.idNumber!.toLowerCase(), hukouStatus: "RURAL" }));
    await expect(attempt).rejects.toBeInstanceOf(DuplicateIdError);
    await expect(attempt).rejects.toMatchObject({ existingChildId: existing.id, code: "CONFLICT" });
    expect(await db().child.count()).toBe(before);
    const report = await findLikelyDuplicates(director, { name: "李另名", dateOfBirth: DOB, idNumber: existing.idNumber! });
    expect(report.idMatch).toEqual({ id: existing.id, name: "李身份", closed: false });
  });

  it("saved by several directors at the same moment gives one file, the others refused", async () => {
    const idNumber = makeIdNumber(village.code, DOB, 417, "MALE");
    const input = registration("赵同时", DOB, { sex: "MALE", noId: false, noIdReason: "", idNumber, hukouStatus: "RURAL", confirmDuplicate: true });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => createChild(director, { ...input, requestId: crypto.randomUUID() })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refusals = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(refusals.every((reason) => reason instanceof DuplicateIdError)).toBe(true);
    expect(await db().child.count({ where: { idNumberHash: blindIndex(idNumber) } })).toBe(1);
  });

  it("is refused when an edit changes a child's ID to another child's", async () => {
    const a = await makeChild({ village, name: "周甲", sex: "MALE", dateOfBirth: `${YEAR - 5}-01-01` });
    const b = await makeChild({ village, name: "周乙", sex: "MALE", dateOfBirth: `${YEAR - 5}-01-01` });
    const edit = updateChildSchema.parse({
      childId: b.id,
      version: b.version,
      name: "周乙",
      sex: "MALE",
      dateOfBirth: `${YEAR - 5}-01-01`,
      idNumber: a.idNumber!,
      hukouStatus: "RURAL",
      schoolStage: "PRESCHOOL",
      schoolName: "幼儿园",
      livingArrangement: "GRANDPARENTS",
      consentBasis: "STATUTORY_DUTY",
    });
    await expect(updateChild(director, edit)).rejects.toMatchObject({ existingChildId: a.id });
  });

  it("in another village is neither reported nor refused", async () => {
    const elsewhere = await makeChild({ village: other, name: "外村娃", sex: "MALE", dateOfBirth: DOB });
    const report = await findLikelyDuplicates(director, { name: "外村娃", dateOfBirth: DOB, idNumber: elsewhere.idNumber! });
    expect(report).toEqual({ idMatch: null, candidates: [] });
  });
});

describe("likely duplicates", () => {
  it("finds the same name, the same pinyin and the same initials born within 365 days", async () => {
    const [existing] = await db().child.findMany({ where: { name: "王小花" }, select: { id: true } });
    for (const name of ["王小花", "王晓华", "吴欣慧"]) {
      const report = await findLikelyDuplicates(director, { name, dateOfBirth: `${YEAR - 8}-03-11` });
      expect(report.candidates.map((c) => c.id), name).toEqual([existing!.id]);
    }
    expect(await findLikelyDuplicates(director, { name: "王小花", dateOfBirth: `${YEAR - 8}-03-09` })).toEqual({ idMatch: null, candidates: [] });
    expect((await findLikelyDuplicates(director, { name: "赵大山", dateOfBirth: DOB })).candidates).toEqual([]);
  });

  it("refuses to save until the director confirms it is a different child, then saves", async () => {
    const input = registration("王小花", `${YEAR - 7}-09-01`);
    const refused = createChild(director, input);
    await expect(refused).rejects.toBeInstanceOf(LikelyDuplicateError);
    await expect(refused).rejects.toMatchObject({ code: "VALIDATION", candidates: [expect.objectContaining({ name: "王小花" })] });
    const { childId } = await createChild(director, { ...input, confirmDuplicate: true });
    const audit = await db().auditEvent.findFirst({ where: { entity: "child", entityId: childId, action: "create" } });
    expect(audit?.details).toMatchObject({ confirmedNotDuplicate: true });
  });

  it("does not report a child of the same name in another village", async () => {
    await makeChild({ village: other, name: "郑同名", dateOfBirth: DOB });
    expect((await findLikelyDuplicates(director, { name: "郑同名", dateOfBirth: DOB })).candidates).toEqual([]);
  });
});

describe("a returning child", () => {
  it("is reported as a closed file, by ID and as a likely duplicate, so the director reopens it", async () => {
    const gone = await makeChild({ village, name: "钱回乡", sex: "MALE", dateOfBirth: DOB });
    await db().child.update({ where: { id: gone.id }, data: { status: "CLOSED", closedReason: "MOVED_AWAY", closedAt: new Date() } });
    const byId = await findLikelyDuplicates(director, { name: "钱回乡", dateOfBirth: DOB, idNumber: gone.idNumber! });
    expect(byId.idMatch).toEqual({ id: gone.id, name: "钱回乡", closed: true });
    const byName = await findLikelyDuplicates(director, { name: "钱回乡", dateOfBirth: DOB });
    expect(byName.candidates).toEqual([expect.objectContaining({ id: gone.id, closed: true })]);
  });
});
