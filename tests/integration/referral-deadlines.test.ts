import { beforeAll, describe, expect, it } from "vitest";
import { dateValue, isoDate, todayInChina } from "@/lib/domain/dates";
import { addWorkingDays, addCalendarDays, isWorkingDay } from "@/lib/domain/working-days";
import { transitionReferralSchema } from "@/lib/schemas/referral";
import { db, disconnectDb } from "@/lib/server/db";
import { ConflictError, ForbiddenError } from "@/lib/server/errors";
import { updateReferralDeadline } from "@/lib/server/referral-deadlines/mutations";
import { getReferralDeadlines } from "@/lib/server/referral-deadlines/queries";
import { transitionReferral } from "@/lib/server/referrals/transition";
import type { Actor } from "@/lib/server/session";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

// Villages in two counties: K1 gets an override, K2 keeps the defaults.
const K1_VILLAGE = "440105101201";
const K2_VILLAGE = "440106101201";

let county: Actor;

async function submitIn(village: string, type: "SCHOOL" | "ORPHAN_RECOGNITION" = "SCHOOL", status: "DRAFT" | "APPROVED" = "DRAFT") {
  const v = await makeVillage(village);
  const director = await actorFor("VILLAGE_DIRECTOR", village);
  const child = await makeChild({ village: v });
  const referral = await db().referral.create({ data: { childId: child.id, areaCode: village, type, agency: "机构", reason: "需要", status }, select: { id: true } });
  return { director, referralId: referral.id };
}

async function dueOn(referralId: string) {
  const row = await db().referral.findUniqueOrThrow({ where: { id: referralId }, select: { dueOn: true } });
  return row.dueOn ? isoDate(row.dueOn) : null;
}

beforeAll(async () => {
  county = await actorFor("COUNTY_OFFICER", "440105000000");
});

describe("referral deadlines", () => {
  it("a submitted referral is due 5 working days after today (Beijing) by default", async () => {
    const { director, referralId } = await submitIn(K2_VILLAGE);
    await transitionReferral(director, transitionReferralSchema.parse({ referralId, version: 1, to: "SUBMITTED" }));
    expect(await dueOn(referralId)).toBe(addWorkingDays(todayInChina(), 5));
  });

  it("a holiday in the holidays table pushes the due date back by one working day", async () => {
    const firstWorkday = addWorkingDays(todayInChina(), 1);
    await db().holiday.create({ data: { day: dateValue(firstWorkday), name: "测试假日" } });
    try {
      const { director, referralId } = await submitIn("440106101202");
      await transitionReferral(director, transitionReferralSchema.parse({ referralId, version: 1, to: "SUBMITTED" }));
      const expected = addWorkingDays(todayInChina(), 5, new Map([[firstWorkday, false]]));
      expect(await dueOn(referralId)).toBe(expected);
      expect(expected > addWorkingDays(todayInChina(), 5)).toBe(true);
    } finally {
      await db().holiday.delete({ where: { day: dateValue(firstWorkday) } });
    }
  });

  it("a make-up Saturday counts as a working day", async () => {
    let saturday = addCalendarDays(todayInChina(), 1);
    while (isWorkingDay(saturday)) saturday = addCalendarDays(saturday, 1);
    await db().holiday.create({ data: { day: dateValue(saturday), isWorkday: true, name: "调休上班" } });
    try {
      const { director, referralId } = await submitIn("440106101203");
      await transitionReferral(director, transitionReferralSchema.parse({ referralId, version: 1, to: "SUBMITTED" }));
      expect(await dueOn(referralId)).toBe(addWorkingDays(todayInChina(), 5, new Map([[saturday, true]])));
      expect(await dueOn(referralId)).not.toBe(addWorkingDays(todayInChina(), 5));
    } finally {
      await db().holiday.delete({ where: { day: dateValue(saturday) } });
    }
  });

  it("orphan recognition in county confirmation is due in 5 working days, other referrals in 20", async () => {
    const t = await actorFor("TOWNSHIP_SUPERVISOR", "440106101000");
    const orphan = await submitIn("440106101204", "ORPHAN_RECOGNITION", "APPROVED");
    const school = await submitIn("440106101205", "SCHOOL", "APPROVED");
    for (const r of [orphan, school]) {
      await transitionReferral(t, transitionReferralSchema.parse({ referralId: r.referralId, version: 1, to: "REFERRED", referredOn: todayInChina() }));
      await transitionReferral(t, transitionReferralSchema.parse({ referralId: r.referralId, version: 2, to: "IN_PROGRESS" }));
    }
    expect(await dueOn(orphan.referralId)).toBe(addWorkingDays(todayInChina(), 5));
    expect(await dueOn(school.referralId)).toBe(addWorkingDays(todayInChina(), 20));
  });

  it("a county officer's override applies to her county only, and is versioned", async () => {
    await expect(updateReferralDeadline(county, { status: "SUBMITTED", workingDays: 3, version: 0 })).resolves.toEqual({ version: 1 });
    await expect(updateReferralDeadline(county, { status: "SUBMITTED", workingDays: 4, version: 0 })).rejects.toBeInstanceOf(ConflictError);
    const inCounty = await submitIn(K1_VILLAGE);
    await transitionReferral(inCounty.director, transitionReferralSchema.parse({ referralId: inCounty.referralId, version: 1, to: "SUBMITTED" }));
    expect(await dueOn(inCounty.referralId)).toBe(addWorkingDays(todayInChina(), 3));
    const elsewhere = await submitIn("440106101206");
    await transitionReferral(elsewhere.director, transitionReferralSchema.parse({ referralId: elsewhere.referralId, version: 1, to: "SUBMITTED" }));
    expect(await dueOn(elsewhere.referralId)).toBe(addWorkingDays(todayInChina(), 5));
    const { rows } = await getReferralDeadlines(county);
    expect(rows.find((r) => r.status === "SUBMITTED")).toMatchObject({ workingDays: 3, version: 1, defaultDays: 5 });
    await expect(updateReferralDeadline(county, { status: "SUBMITTED", workingDays: 6, version: 1 })).resolves.toEqual({ version: 2 });
    expect(await db().auditEvent.count({ where: { entity: "referralDeadline", entityId: "440105:SUBMITTED" } })).toBe(2);
  });

  it("a township supervisor may read but not change the deadlines", async () => {
    const t = await actorFor("TOWNSHIP_SUPERVISOR", "440105101000");
    await expect(getReferralDeadlines(t)).resolves.toMatchObject({ countyCode: "440105" });
    await expect(updateReferralDeadline(t, { status: "APPROVED", workingDays: 2, version: 0 })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
