import { describe, expect, it } from "vitest";
import { todayInChina } from "@/lib/domain/dates";
import { addDays } from "@/lib/domain/work-lists";
import { searchChildren } from "@/lib/server/children/search";
import { db, disconnectDb } from "@/lib/server/db";
import { ForbiddenError } from "@/lib/server/errors";
import { getTodaysWork } from "@/lib/server/workbench/queries";
import { parseChildSearch } from "@/lib/schemas/child-search";
import { makeVillage } from "../factories/areas";
import { makeChild, type MakeChildInput } from "../factories/children";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

const today = todayInChina();
/** Born so that the child reaches `age` on `on` (both ISO dates). */
const bornToTurn = (age: number, on: string) => `${Number(on.slice(0, 4)) - age}${on.slice(4)}`;

async function villageWithDirector(code: string) {
  const village = await makeVillage(code);
  const director = await actorFor("VILLAGE_DIRECTOR", code);
  const add = (input: Omit<MakeChildInput, "village"> = {}) => makeChild({ village, ...input });
  return { village, director, add };
}

async function closeFile(childId: string) {
  await db().child.update({ where: { id: childId }, data: { status: "CLOSED", closedReason: "MOVED_AWAY", closedAt: new Date() } });
}

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe("the director's today's work", () => {
  it("lists overdue visits most overdue first, with the days overdue, and leaves out visits not yet due and closed files", async () => {
    const { director, add } = await villageWithDirector("510112101001");
    const late3 = await add({ nextVisitOn: addDays(today, -3) });
    const late40 = await add({ nextVisitOn: addDays(today, -40) });
    const late1 = await add({ nextVisitOn: addDays(today, -1) });
    await add({ nextVisitOn: today });
    const closed = await add({ nextVisitOn: addDays(today, -100) });
    await closeFile(closed.id);

    const work = await getTodaysWork(director);
    expect(work.overdue.count).toBe(3);
    expect(ids(work.overdue.items)).toEqual([late40.id, late3.id, late1.id]);
    expect(work.overdue.items.map((item) => item.overdueDays)).toEqual([40, 3, 1]);
  });

  it("lists visits due this week from today to today plus six days, soonest first", async () => {
    const { director, add } = await villageWithDirector("510112101002");
    const dueToday = await add({ nextVisitOn: today });
    const dueDay6 = await add({ nextVisitOn: addDays(today, 6) });
    await add({ nextVisitOn: addDays(today, 7) });
    await add({ nextVisitOn: addDays(today, -1) });
    await add({ nextVisitOn: null });

    const work = await getTodaysWork(director);
    expect(ids(work.dueThisWeek.items)).toEqual([dueToday.id, dueDay6.id]);
    expect(work.dueThisWeek.items.map((item) => item.inDays)).toEqual([0, 6]);
    expect(work.dueThisWeek.count).toBe(2);
  });

  it("lists active children without an ID number", async () => {
    const { director, add } = await villageWithDirector("510112101003");
    const noId = await add({ hasIdNumber: false });
    await add({ hasIdNumber: true });
    const closedNoId = await add({ hasIdNumber: false });
    await closeFile(closedNoId.id);

    const work = await getTodaysWork(director);
    expect(ids(work.noIdNumber.items)).toEqual([noId.id]);
    expect(work.noIdNumber.count).toBe(1);
  });

  it("lists children turning 16 or 18 from today to 60 days ahead, soonest first, and no one outside that window", async () => {
    const { director, add } = await villageWithDirector("510112101004");
    const sixteenToday = await add({ dateOfBirth: bornToTurn(16, today) });
    const sixteenDay60 = await add({ dateOfBirth: bornToTurn(16, addDays(today, 60)) });
    const eighteenDay10 = await add({ dateOfBirth: bornToTurn(18, addDays(today, 10)), schoolStage: "VOCATIONAL" });
    await add({ dateOfBirth: bornToTurn(16, addDays(today, 61)) });
    await add({ dateOfBirth: bornToTurn(16, addDays(today, -1)) });
    await add({ dateOfBirth: bornToTurn(18, addDays(today, -1)), schoolStage: "FINISHED" });
    await add({ dateOfBirth: bornToTurn(17, addDays(today, 5)) });

    const work = await getTodaysWork(director);
    expect(work.turning.count).toBe(3);
    expect(ids(work.turning.items)).toEqual([sixteenToday.id, eighteenDay10.id, sixteenDay60.id]);
    expect(work.turning.items.map((item) => [item.turning.age, item.turning.inDays])).toEqual([
      [16, 0],
      [18, 10],
      [16, 60],
    ]);
  });

  it("lists files missing key data with what each one lacks, and leaves complete files out", async () => {
    const { director, add } = await villageWithDirector("510112101005");
    await add({ schoolStage: "PRIMARY", dateOfBirth: "2016-05-01" });
    const noPhone = await add({ name: "甲无电话" });
    await db().guardian.updateMany({ where: { householdId: noPhone.householdId }, data: { phone: null } });
    const bothAway = await add({ name: "乙父母外出", household: { fatherStatus: "WORKING_AWAY", motherStatus: "WORKING_AWAY" } });
    const unsigned = await add({
      name: "丙未签确认书",
      household: { fatherStatus: "WORKING_AWAY", motherStatus: "DECEASED" },
      guardian: { isEntrusted: true, confirmationSignedOn: null },
    });
    await add({
      name: "丁已签确认书",
      household: { fatherStatus: "WORKING_AWAY", motherStatus: "WORKING_AWAY" },
      guardian: { isEntrusted: true, confirmationSignedOn: "2025-03-01" },
    });
    // One parent away and the other at home: the parent at home is the guardian, nothing to entrust.
    await add({ name: "戊母亲在家", household: { fatherStatus: "WORKING_AWAY", motherStatus: "AT_HOME" } });
    const noSchool = await add({ name: "己无学校", schoolStage: "JUNIOR_SECONDARY", dateOfBirth: "2012-05-01" });
    await db().child.update({ where: { id: noSchool.id }, data: { schoolName: null } });
    const outNoReason = await add({ name: "庚辍学无原因", schoolStage: "OUT_OF_SCHOOL" });
    await db().child.update({ where: { id: outNoReason.id }, data: { outOfSchoolReason: "" } });
    const noConsent = await add({ name: "辛无同意人", household: { motherStatus: "UNKNOWN" } });
    await db().child.update({ where: { id: noConsent.id }, data: { consentGivenBy: null } });
    const closed = await add({ name: "壬已结案" });
    await db().guardian.updateMany({ where: { householdId: closed.householdId }, data: { phone: null } });
    await closeFile(closed.id);

    const work = await getTodaysWork(director, { take: 20 });
    const missing = Object.fromEntries(work.missingData.items.map((item) => [item.id, item.missing]));
    expect(missing).toEqual({
      [noPhone.id]: ["GUARDIAN_PHONE"],
      [bothAway.id]: ["ENTRUSTED_GUARDIAN"],
      [unsigned.id]: ["ENTRUSTMENT_CONFIRMATION"],
      [noSchool.id]: ["SCHOOL_NAME"],
      [outNoReason.id]: ["OUT_OF_SCHOOL_REASON"],
      [noConsent.id]: ["PARENT_WHEREABOUTS", "CONSENT_GIVEN_BY"],
    });
    expect(work.missingData.count).toBe(6);
  });

  it("lists referrals the township returned, with the child, for active files only", async () => {
    const { village, director, add } = await villageWithDirector("510112101006");
    const returnedChild = await add();
    const closedChild = await add();
    const referral = (childId: string, status: "RETURNED" | "SUBMITTED") =>
      db().referral.create({
        data: { childId, areaCode: village.code, type: "SCHOOL", agency: "乡中心学校", reason: "辍学风险", status, decidedAt: status === "RETURNED" ? new Date() : null },
        select: { id: true },
      });
    const returned = await referral(returnedChild.id, "RETURNED");
    await referral(returnedChild.id, "SUBMITTED");
    await referral(closedChild.id, "RETURNED");
    await closeFile(closedChild.id);

    const work = await getTodaysWork(director);
    expect(work.returnedReferrals.count).toBe(1);
    expect(work.returnedReferrals.items.map((item) => [item.referralId, item.child.id, item.type, item.returnedOn])).toEqual([
      [returned.id, returnedChild.id, "SCHOOL", today],
    ]);
  });

  it("lists open referrals past their deadline, most overdue first, never closed or resolved ones", async () => {
    const { village, director, add } = await villageWithDirector("510112101008");
    const child = await add();
    const referral = (status: "SUBMITTED" | "REFERRED" | "RESOLVED", dueOn: string) =>
      db().referral.create({
        data: { childId: child.id, areaCode: village.code, type: "HEALTH", agency: "乡镇卫生院", reason: "体检", status, dueOn: new Date(`${dueOn}T00:00:00Z`) },
        select: { id: true },
      });
    const late2 = await referral("SUBMITTED", addDays(today, -2));
    const late9 = await referral("REFERRED", addDays(today, -9));
    await referral("RESOLVED", addDays(today, -20));
    await referral("SUBMITTED", today);

    const work = await getTodaysWork(director);
    expect(work.overdueReferrals.count).toBe(2);
    expect(work.overdueReferrals.items.map((item) => [item.referralId, item.overdueDays])).toEqual([
      [late9.id, 9],
      [late2.id, 2],
    ]);
  });

  it("counts every matching child but returns only the first few, and the see-all filter lists the same children", async () => {
    const { director, add } = await villageWithDirector("510112101007");
    for (let day = 1; day <= 7; day++) await add({ nextVisitOn: addDays(today, -day), hasIdNumber: day % 2 === 0 });

    const work = await getTodaysWork(director, { take: 5 });
    expect(work.overdue.count).toBe(7);
    expect(work.overdue.items).toHaveLength(5);
    expect(work.noIdNumber.count).toBe(4);
    expect((await searchChildren(director, parseChildSearch({ work: "overdue" }))).total).toBe(7);
    expect((await searchChildren(director, parseChildSearch({ work: "no-id" }))).total).toBe(4);
    const seeAll = await searchChildren(director, parseChildSearch({ work: "overdue" }));
    expect(ids(seeAll.items).slice(0, 5).sort()).toEqual(ids(work.overdue.items).sort());
  });

  it("shows a director nothing from another village, and a supervisor her township's villages", async () => {
    const mine = await villageWithDirector("510112102001");
    const neighbour = await villageWithDirector("510112102002");
    const otherTownship = await villageWithDirector("510112103001");
    const a = await mine.add({ nextVisitOn: addDays(today, -2), hasIdNumber: false });
    const b = await neighbour.add({ nextVisitOn: addDays(today, -5), hasIdNumber: false });
    await otherTownship.add({ nextVisitOn: addDays(today, -9), hasIdNumber: false });
    const supervisor = await actorFor("TOWNSHIP_SUPERVISOR", "510112102000");

    const director = await getTodaysWork(mine.director);
    expect(ids(director.overdue.items)).toEqual([a.id]);
    expect(ids(director.noIdNumber.items)).toEqual([a.id]);
    const township = await getTodaysWork(supervisor);
    expect(ids(township.overdue.items)).toEqual([b.id, a.id]);
    expect(township.noIdNumber.count).toBe(2);
  });

  it("refuses roles without case data", async () => {
    await makeVillage("510112104001");
    const province = await actorFor("PROVINCE_OFFICER", "510000000000");
    await expect(getTodaysWork(province)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
