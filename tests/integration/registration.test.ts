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
  const { householdId: _h, confirmDuplicate: _c, ...fields } = input;
  return updateChildSchema.parse({ ...fields, childId, version: 1, idNumber: "", categories: [], ...over });
}

function childInput(householdId: string, over: Record<string, unknown> = {}) {
  return createChildSchema.parse({
    householdId,
    name: "王小花",
    sex: "FEMALE",
    dateOfBirth: DOB,
    idNumber: makeIdNumber("411523", DOB, Math.floor(Math.random() * 900) + 50, "FEMALE"),
    hukouStatus: "RURAL",
    schoolStage: "PRIMARY",
    schoolName: "沙窝小学",
    livingArrangement: "GRANDPARENTS",
    consentBasis: "GUARDIAN_CONSENT",
    consentGivenBy: "李桂兰",
    consentOn: "2025-02-01",
    categories: [{ category: "LEFT_BEHIND", startDate: "2025-02-01", source: "RULE" }],
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
    const { id } = await createHousehold(directorA, householdSchema.parse(HOUSEHOLD));
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
    await expect(createHousehold(supervisor, householdSchema.parse(HOUSEHOLD))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses a stale household edit and keeps the first edit's values", async () => {
    const { id } = await createHousehold(directorA, householdSchema.parse(HOUSEHOLD));
    await updateHousehold(directorA, { ...householdSchema.parse({ ...HOUSEHOLD, address: "5组1号" }), householdId: id, version: 1 });
    await expect(
      updateHousehold(directorA, { ...householdSchema.parse({ ...HOUSEHOLD, address: "9组9号" }), householdId: id, version: 1 }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await getHousehold(directorA, id)).address).toBe("5组1号");
  });
});

describe("child registration", () => {
  it("stores the child encrypted, masked and searchable, due for a first visit today, with its categories", async () => {
    const { id: householdId } = await createHousehold(directorA, householdSchema.parse(HOUSEHOLD));
    const input = childInput(householdId, { idNumber: "", noId: true, noIdReason: "未办理出生登记", hukouStatus: "NONE", categories: [{ category: "UNREGISTERED", startDate: TODAY, source: "RULE" }] });
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
    const { id: householdId } = await createHousehold(directorA, householdSchema.parse(HOUSEHOLD));
    const dob = `${YEAR - 16}-01-01`;
    expect(ageOn(dob, TODAY)).toBe(16);
    const input = childInput(householdId, { name: "张十六", dateOfBirth: dob, idNumber: makeIdNumber("411523", dob, 11, "FEMALE") });
    await expect(createChild(directorA, input)).rejects.toBeInstanceOf(ValidationError);
    expect(await db().child.count({ where: { householdId } })).toBe(0);
  });

  it("raises a CHILD_ALONE report with the child in the same transaction when a child under 16 lives alone", async () => {
    const { id: householdId } = await createHousehold(directorA, householdSchema.parse(HOUSEHOLD));
    const { childId, childAloneReportId } = await createChild(directorA, childInput(householdId, { name: "赵独居", livingArrangement: "ALONE" }));
    const report = await db().mandatoryReport.findUniqueOrThrow({ where: { id: childAloneReportId! } });
    expect(report).toMatchObject({ childId, kind: "CHILD_ALONE", areaCode: VILLAGE_A, status: "OPEN" });
    // A registration that is refused raises no report.
    const before = await db().mandatoryReport.count();
    await expect(createChild(directorA, childInput(householdId, { name: "赵独居", livingArrangement: "ALONE" }))).rejects.toThrow();
    expect(await db().mandatoryReport.count()).toBe(before);
  });

  it("does not let a director add a child to another village's household: not found, audited DENIED, nothing saved", async () => {
    const { id: householdB } = await createHousehold(directorB, householdSchema.parse(HOUSEHOLD));
    await expect(createChild(directorA, childInput(householdB, { name: "越界" }))).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().child.count({ where: { householdId: householdB } })).toBe(0);
    const denied = await db().auditEvent.findFirst({ where: { actorId: directorA.userId, entity: "child", action: "create", outcome: "DENIED" } });
    expect(denied?.details).toMatchObject({ householdId: householdB });
    await expect(getHousehold(directorA, householdB)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("accepts no area code from input", () => {
    expect(createChildSchema.safeParse({ ...childInput("7d6c0a36-6f61-4c5b-9c1e-2f6a3f3d2b10"), areaCode: VILLAGE_B }).success).toBe(false);
    expect(householdSchema.safeParse({ ...HOUSEHOLD, areaCode: VILLAGE_B }).success).toBe(false);
  });
});

describe("editing a child's file", () => {
  it("refuses the second of two edits made on the same version and keeps the first one's values", async () => {
    const { id: householdId } = await createHousehold(directorA, householdSchema.parse(HOUSEHOLD));
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
    const { id: householdId } = await createHousehold(directorA, householdSchema.parse(HOUSEHOLD));
    const created = childInput(householdId, { name: "孙类别" });
    const { childId } = await createChild(directorA, created);
    const [leftBehind] = await db().childCategory.findMany({ where: { childId } });
    await updateChild(
      directorA,
      asEdit(created, childId, {
        categories: [{ category: "POOR_FAMILY", startDate: TODAY, source: "DIRECTOR" }],
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
