import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ageOn, isoDate, todayInChina } from "@/lib/domain/dates";
import { makeIdNumber } from "@/lib/domain/id-number";
import { createChildSchema, updateChildSchema } from "@/lib/schemas/child";
import { householdSchema } from "@/lib/schemas/household";
import { createChild, updateChild } from "@/lib/server/children/registration";
import { db, disconnectDb } from "@/lib/server/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { decryptField } from "@/lib/server/field-crypto";
import { createHousehold, updateHousehold } from "@/lib/server/households/mutations";
import { getHousehold } from "@/lib/server/households/queries";
import type { Actor } from "@/lib/server/session";
import { makeVillage } from "../factories/areas";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

const VILLAGE_A = "411523101301";
const VILLAGE_B = "411523101302";
const TODAY = todayInChina();
const YEAR = Number(TODAY.slice(0, 4));
const DOB = `${YEAR - 9}-06-15`;

let directorA: Actor;
let directorB: Actor;

/** Each form opening gets its own request id; `household()` is one opening. */
const household = (over: Record<string, unknown> = {}) => householdSchema.parse({ ...HOUSEHOLD, requestId: crypto.randomUUID(), ...over });

const HOUSEHOLD = {
  address: "3组12号",
  memberCount: "4",
  incomeSource: "MIGRANT_WORK",
  fatherStatus: "WORKING_AWAY",
  fatherWhereabouts: "广东东莞",
  fatherPhone: "13800138000",
  motherStatus: "WORKING_AWAY",
  motherWhereabouts: "浙江义乌",
  guardianName: "李桂兰",
  guardianRelationship: "祖母",
  guardianAge: "66",
  guardianCanCare: "on",
  guardianPhone: "13912345678",
  confirmationSigned: "on",
  confirmationSignedOn: "2025-02-01",
};

/** A registration input turned into an edit of the same child (the edit form posts these keys). */
function asEdit(input: ReturnType<typeof childInput>, childId: string, over: Record<string, unknown> = {}) {
  const { householdId: _h, confirmDuplicate: _c, requestId: _r, ...fields } = input;
  return updateChildSchema.parse({ ...fields, childId, version: 1, idNumber: "", categories: [], ...over });
}

// A new even (female) sequence number for each child: random ones collided now and then (about 450 a day),
// and a duplicate ID number is refused, which failed unrelated tests.
let sequence = 200;

function childInput(householdId: string, over: Record<string, unknown> = {}) {
  sequence += 2;
  return createChildSchema.parse({
    householdId,
    requestId: crypto.randomUUID(),
    name: "王小花",
    sex: "FEMALE",
    dateOfBirth: DOB,
    idNumber: makeIdNumber("411523", DOB, sequence, "FEMALE"),
    hukouStatus: "RURAL",
    schoolStage: "PRIMARY",
    schoolName: "沙窝小学",
    livingArrangement: "GRANDPARENTS",
    consentBasis: "GUARDIAN_CONSENT",
    consentGivenBy: "李桂兰",
    consentOn: "2025-02-01",
    categories: [{ category: "LEFT_BEHIND", startDate: "2025-02-01" }],
    ...over,
  });
}

beforeAll(async () => {
  await makeVillage(VILLAGE_A, "沙窝村民委员会");
  await makeVillage(VILLAGE_B);
  directorA = await actorFor("VILLAGE_DIRECTOR", VILLAGE_A);
  directorB = await actorFor("VILLAGE_DIRECTOR", VILLAGE_B);
});

describe("household registration", () => {
  it("puts a household in the director's own village with its entrusted guardian and an audit row", async () => {
    const { id } = await createHousehold(directorA, household());
    const row = await db().household.findUniqueOrThrow({ where: { id }, include: { guardians: true } });
    expect(row.areaCode).toBe(VILLAGE_A);
    expect(row.areaName).toBe("沙窝村民委员会");
    expect(row.fatherWhereabouts).toBe("广东东莞");
    expect(row.guardians).toHaveLength(1);
    expect(row.guardians[0]).toMatchObject({ isEntrusted: true, birthYear: YEAR - 66, areaCode: VILLAGE_A });
    expect(isoDate(row.guardians[0]!.confirmationSignedOn!)).toBe("2025-02-01");
    const audit = await db().auditEvent.findFirst({ where: { entity: "household", entityId: id, action: "create" } });
    expect(audit?.areaCode).toBe(VILLAGE_A);
  });

  it("refuses a household from a township supervisor, who has no village of her own", async () => {
    const supervisor = await actorFor("TOWNSHIP_SUPERVISOR", "411523101000");
    await expect(createHousehold(supervisor, household())).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses a stale household edit and keeps the first edit's values", async () => {
    const { id } = await createHousehold(directorA, household());
    await updateHousehold(directorA, { ...household({ address: "5组1号" }), householdId: id, version: 1 });
    await expect(
      updateHousehold(directorA, { ...household({ address: "9组9号" }), householdId: id, version: 1 }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await getHousehold(directorA, id)).address).toBe("5组1号");
  });
});

describe("child registration", () => {
  it("stores the child encrypted, masked and searchable, due for a first visit today, with its categories", async () => {
    const { id: householdId } = await createHousehold(directorA, household());
    const input = childInput(householdId, { idNumber: "", noId: true, noIdReason: "未办理出生登记", hukouStatus: "NONE", categories: [{ category: "UNREGISTERED", startDate: TODAY }] });
    const { childId } = await createChild(directorA, input);
    const row = await db().child.findUniqueOrThrow({ where: { id: childId }, include: { categories: true } });
    expect(row).toMatchObject({ areaCode: VILLAGE_A, areaName: "沙窝村民委员会", namePinyin: "wangxiaohua", nameInitials: "wxh", noIdReason: "未办理出生登记", idNumberHash: null });
    expect(isoDate(row.nextVisitOn!)).toBe(TODAY);
    expect(row.categories.map((c) => [c.category, c.source])).toEqual([["UNREGISTERED", "RULE"]]);

    const idNumber = makeIdNumber("411523", DOB, 777, "FEMALE");
    const withId = await createChild(directorA, childInput(householdId, { name: "王大花", idNumber: idNumber.toLowerCase() }));
    const stored = await db().child.findUniqueOrThrow({ where: { id: withId.childId } });
    expect(decryptField(stored.idNumberEncrypted!)).toBe(idNumber);
    expect(stored.idNumberMasked).toBe(`${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`);
    expect(stored.idNumberEncrypted).not.toContain(idNumber);
  });

  it("refuses left-behind for a child of 16 and saves nothing", async () => {
    const { id: householdId } = await createHousehold(directorA, household());
    const dob = `${YEAR - 16}-01-01`;
    expect(ageOn(dob, TODAY)).toBe(16);
    const input = childInput(householdId, { name: "张十六", dateOfBirth: dob, idNumber: makeIdNumber("411523", dob, 11, "FEMALE") });
    await expect(createChild(directorA, input)).rejects.toBeInstanceOf(ValidationError);
    expect(await db().child.count({ where: { householdId } })).toBe(0);
  });

  it("raises a CHILD_ALONE report with the child in the same transaction when a child under 16 lives alone", async () => {
    const { id: householdId } = await createHousehold(directorA, household());
    const { childId, childAloneReportId } = await createChild(directorA, childInput(householdId, { name: "赵独居", livingArrangement: "ALONE" }));
    const report = await db().mandatoryReport.findUniqueOrThrow({ where: { id: childAloneReportId! } });
    expect(report).toMatchObject({ childId, kind: "CHILD_ALONE", areaCode: VILLAGE_A, status: "OPEN" });
    // A registration that is refused raises no report.
    const before = await db().mandatoryReport.count();
    await expect(createChild(directorA, childInput(householdId, { name: "赵独居", livingArrangement: "ALONE" }))).rejects.toThrow();
    expect(await db().mandatoryReport.count()).toBe(before);
  });

  it("does not let a director add a child to another village's household: not found, audited DENIED, nothing saved", async () => {
    const { id: householdB } = await createHousehold(directorB, household());
    await expect(createChild(directorA, childInput(householdB, { name: "越界" }))).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().child.count({ where: { householdId: householdB } })).toBe(0);
    const denied = await db().auditEvent.findFirst({ where: { actorId: directorA.userId, entity: "child", action: "create", outcome: "DENIED" } });
    expect(denied?.details).toMatchObject({ householdId: householdB });
    await expect(getHousehold(directorA, householdB)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("accepts no area code from input", () => {
    expect(createChildSchema.safeParse({ ...childInput("7d6c0a36-6f61-4c5b-9c1e-2f6a3f3d2b10"), areaCode: VILLAGE_B }).success).toBe(false);
    expect(householdSchema.safeParse({ ...HOUSEHOLD, requestId: crypto.randomUUID(), areaCode: VILLAGE_B }).success).toBe(false);
  });
});

describe("editing a child's file", () => {
  it("refuses the second of two edits made on the same version and keeps the first one's values", async () => {
    const { id: householdId } = await createHousehold(directorA, household());
    const created = childInput(householdId, { name: "钱并发" });
    const { childId } = await createChild(directorA, created);
    const edit = (schoolName: string) =>
      asEdit(created, childId, { schoolName });
    await updateChild(directorA, edit("第一次修改小学"));
    await expect(updateChild(directorA, edit("第二次修改小学"))).rejects.toBeInstanceOf(ConflictError);
    const row = await db().child.findUniqueOrThrow({ where: { id: childId } });
    expect(row.schoolName).toBe("第一次修改小学");
    expect(row.version).toBe(2);
    // A blank ID on edit keeps the stored number.
    expect(row.idNumberHash).not.toBeNull();
  });

  it("ends a category with a date instead of deleting it, and adds new ones", async () => {
    const { id: householdId } = await createHousehold(directorA, household());
    const created = childInput(householdId, { name: "孙类别" });
    const { childId } = await createChild(directorA, created);
    const [leftBehind] = await db().childCategory.findMany({ where: { childId } });
    await updateChild(
      directorA,
      asEdit(created, childId, {
        categories: [{ category: "POOR_FAMILY", startDate: TODAY }],
        endCategories: [{ categoryId: leftBehind!.id, endDate: TODAY }],
      }),
    );
    const rows = await db().childCategory.findMany({ where: { childId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.category, r.endDate ? isoDate(r.endDate) : null])).toEqual([
      ["LEFT_BEHIND", TODAY],
      ["POOR_FAMILY", null],
    ]);
  });
});

describe("a corrected date of birth or sex against the stored ID number", () => {
  it("is refused on the ID field when the ID is left blank and no longer matches, and nothing changes", async () => {
    const { id: householdId } = await createHousehold(directorA, household());
    const created = childInput(householdId, { name: "吴改生日" });
    const { childId } = await createChild(directorA, created);
    const otherDob = `${YEAR - 8}-01-20`;
    const byDate = updateChild(directorA, asEdit(created, childId, { dateOfBirth: otherDob }));
    await expect(byDate).rejects.toBeInstanceOf(ValidationError);
    await expect(byDate).rejects.toMatchObject({ fieldErrors: { idNumber: ["registration.errors.storedIdMismatch"] } });
    await expect(updateChild(directorA, asEdit(created, childId, { sex: "MALE" }))).rejects.toMatchObject({
      fieldErrors: { idNumber: ["registration.errors.storedIdMismatch"] },
    });
    const row = await db().child.findUniqueOrThrow({ where: { id: childId } });
    expect([isoDate(row.dateOfBirth), row.sex, row.version]).toEqual([DOB, "FEMALE", 1]);
    // Correcting both together is accepted.
    await updateChild(directorA, asEdit(created, childId, { dateOfBirth: otherDob, idNumber: makeIdNumber("411523", otherDob, 88, "FEMALE") }));
    expect(isoDate((await db().child.findUniqueOrThrow({ where: { id: childId } })).dateOfBirth)).toBe(otherDob);
  });
});

describe("the audit row of an edit", () => {
  it("records idRemoved when the director ticks no ID, and idChanged when she gives a new one", async () => {
    const { id: householdId } = await createHousehold(directorA, household());
    const created = childInput(householdId, { name: "郑审计" });
    const { childId } = await createChild(directorA, created);
    await updateChild(directorA, asEdit(created, childId, { noId: "on", noIdReason: "户口迁出，证件遗失" }));
    await updateChild(directorA, asEdit(created, childId, { version: 2, idNumber: makeIdNumber("411523", DOB, 99, "FEMALE") }));
    const audits = await db().auditEvent.findMany({ where: { entity: "child", entityId: childId, action: "update" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.details)).toEqual([
      { idChanged: false, idRemoved: true },
      { idChanged: true, idRemoved: false },
    ]);
    expect((await db().child.findUniqueOrThrow({ where: { id: childId } })).idNumberHash).not.toBeNull();
  });
});

describe("category dates", () => {
  it("refuses an end date before the category's start and keeps the category open", async () => {
    const { id: householdId } = await createHousehold(directorA, household());
    const created = childInput(householdId, { name: "冯结束" });
    const { childId } = await createChild(directorA, created);
    const [leftBehind] = await db().childCategory.findMany({ where: { childId } });
    const attempt = updateChild(directorA, asEdit(created, childId, { endCategories: [{ categoryId: leftBehind!.id, endDate: "2025-01-31" }] }));
    await expect(attempt).rejects.toMatchObject({ fieldErrors: { categories: ["registration.errors.categoryEndBeforeStart"] } });
    expect((await db().childCategory.findUniqueOrThrow({ where: { id: leftBehind!.id } })).endDate).toBeNull();
  });
});

describe("where a category came from", () => {
  it("is RULE only when the rules suggest it for the saved answers, else DIRECTOR, whatever the client sends", async () => {
    const { id: householdId } = await createHousehold(directorA, household());
    expect(() => childInput(householdId, { categories: [{ category: "POOR_FAMILY", startDate: TODAY, source: "RULE" }] })).toThrow();
    const { childId } = await createChild(
      directorA,
      childInput(householdId, { name: "陈来源", categories: [{ category: "LEFT_BEHIND", startDate: TODAY }, { category: "POOR_FAMILY", startDate: TODAY }] }),
    );
    const rows = await db().childCategory.findMany({ where: { childId }, orderBy: { category: "asc" } });
    expect(rows.map((r) => [r.category, r.source])).toEqual([
      ["LEFT_BEHIND", "RULE"],
      ["POOR_FAMILY", "DIRECTOR"],
    ]);
  });
});

describe("a registration sent twice (a retry after a lost response)", () => {
  // Addresses are stored encrypted (each with its own IV): count by what they decrypt to.
  const householdsAt = async (address: string) =>
    (await db().household.findMany({ select: { address: true } })).filter((h) => decryptField(h.address) === address).length;

  it("returns the first household and saves no second row or audit row", async () => {
    const input = household({ address: "重试1号" });
    const first = await createHousehold(directorA, input);
    expect(await createHousehold(directorA, input)).toEqual(first);
    expect(await householdsAt("重试1号")).toBe(1);
    expect(await db().auditEvent.count({ where: { entity: "household", entityId: first.id, action: "create" } })).toBe(1);
  });

  it("gives one household when both copies arrive at the same moment", async () => {
    const input = household({ address: "并发2号" });
    const results = await Promise.all([createHousehold(directorA, input), createHousehold(directorA, input)]);
    expect(results[0]).toEqual(results[1]);
    expect(await householdsAt("并发2号")).toBe(1);
  });

  it("returns the first child with its CHILD_ALONE report, with no second file, audit row or report", async () => {
    const { id: householdId } = await createHousehold(directorA, household());
    const input = childInput(householdId, { name: "韩重试", livingArrangement: "ALONE" });
    const first = await createChild(directorA, input);
    expect(first.childAloneReportId).not.toBeNull();
    expect(await createChild(directorA, input)).toEqual(first);
    expect(await db().child.count({ where: { householdId } })).toBe(1);
    expect(await db().mandatoryReport.count({ where: { childId: first.childId } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entity: "child", entityId: first.childId, action: "create" } })).toBe(1);
  });

  it("gives one child when both copies arrive at the same moment, with or without an ID number", async () => {
    const { id: householdId } = await createHousehold(directorA, household());
    for (const input of [childInput(householdId, { name: "杨同刻" }), childInput(householdId, { name: "杨无证", idNumber: "", noId: "on", noIdReason: "未办理", hukouStatus: "NONE" })]) {
      const results = await Promise.all([createChild(directorA, input), createChild(directorA, input)]);
      expect(results[0]).toEqual(results[1]);
      expect(await db().child.count({ where: { clientRequestId: input.requestId } })).toBe(1);
    }
  });

  it("does not hand another village's child back to a director who reuses its request id", async () => {
    const { id: householdB } = await createHousehold(directorB, household());
    const input = childInput(householdB, { name: "秦别村" });
    await createChild(directorB, input);
    const { id: householdA } = await createHousehold(directorA, household());
    await expect(createChild(directorA, { ...input, householdId: householdA })).rejects.toThrow();
  });
});
