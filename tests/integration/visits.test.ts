import crypto from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { recordVisitAction } from "@/app/(app)/visits/actions";
import { dateValue, todayInChina } from "@/lib/domain/dates";
import { addDays } from "@/lib/domain/visit-policy";
import { db, disconnectDb } from "@/lib/server/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { createReferralDraftFromNeed } from "@/lib/server/referrals/drafts";
import type { Actor } from "@/lib/server/session";
import { updateVisitPolicy } from "@/lib/server/visit-policies/mutations";
import { recordVisit, updateVisit } from "@/lib/server/visits/mutations";
import { getVisit, listChildVisits } from "@/lib/server/visits/queries";
import { recordVisitSchema } from "@/lib/schemas/visit";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { visitInput } from "../factories/visits";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

// The action's session gate reads cookies; here it answers with the test's signed-in director.
const session = vi.hoisted(() => ({ actor: null as unknown }));
vi.mock("@/lib/auth/get-actor", () => ({ getActor: async () => session.actor }));

// County 510101 keeps the default policy; county 510102 sets its own. Each test uses its own children.
const VILLAGE = "510101001001";
const NEIGHBOUR = "510101001002";
const OVERRIDE_VILLAGE = "510102001001";
const TOWNSHIP = "510101001000";
const OVERRIDE_COUNTY = "510102000000";

let village: { code: string; name: string };
let director: Actor;
let neighbourDirector: Actor;
let supervisor: Actor;
const today = todayInChina();

beforeAll(async () => {
  village = await makeVillage(VILLAGE);
  await makeVillage(NEIGHBOUR);
  await makeVillage(OVERRIDE_VILLAGE);
  director = await actorFor("VILLAGE_DIRECTOR", VILLAGE);
  neighbourDirector = await actorFor("VILLAGE_DIRECTOR", NEIGHBOUR);
  supervisor = await actorFor("TOWNSHIP_SUPERVISOR", TOWNSHIP);
});

async function childRow(id: string) {
  return db().child.findUniqueOrThrow({ where: { id }, select: { riskLevel: true, nextVisitOn: true, lastVisitOn: true, version: true } });
}

async function visitRow(id: string) {
  return db().visit.findUniqueOrThrow({ where: { id }, select: { riskLevel: true, nextVisitOn: true, safetyCheck: true, safety: true, version: true } });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => null, (error: unknown) => error);
}

describe("the next visit date follows the county's visit policy", () => {
  it("with the default policy, the next visit is 7, 14, 30 and 90 days away for red, yellow, blue and green", async () => {
    for (const [riskLevel, days] of [["RED", 7], ["YELLOW", 14], ["BLUE", 30], ["GREEN", 90]] as const) {
      const child = await makeChild({ village, riskLevel: null });
      const { visitId } = await recordVisit(director, visitInput({ childId: child.id, visitedOn: today, riskLevel }));
      expect((await visitRow(visitId)).nextVisitOn).toEqual(dateValue(addDays(today, days)));
      expect(await childRow(child.id)).toMatchObject({
        riskLevel,
        nextVisitOn: dateValue(addDays(today, days)),
        lastVisitOn: dateValue(today),
        version: child.version + 1,
      });
    }
  });

  it("in a county with its own policy, the next visit follows that county's intervals", async () => {
    const county = await actorFor("COUNTY_OFFICER", OVERRIDE_COUNTY);
    await updateVisitPolicy(county, { version: 0, RED: 3, YELLOW: 10, BLUE: 20, GREEN: 60 });
    const local = await actorFor("VILLAGE_DIRECTOR", OVERRIDE_VILLAGE);
    const child = await makeChild({ village: { code: OVERRIDE_VILLAGE, name: "测试村" } });
    const { visitId } = await recordVisit(local, visitInput({ childId: child.id, visitedOn: today, riskLevel: "RED" }));
    expect((await visitRow(visitId)).nextVisitOn).toEqual(dateValue(addDays(today, 3)));
    // The default county is untouched by the other county's policy.
    const other = await makeChild({ village });
    const second = await recordVisit(director, visitInput({ childId: other.id, visitedOn: today, riskLevel: "RED" }));
    expect((await visitRow(second.visitId)).nextVisitOn).toEqual(dateValue(addDays(today, 7)));
  });

  it("a director may choose an earlier next visit than the policy's", async () => {
    const child = await makeChild({ village });
    const nextVisitOn = addDays(today, 3);
    const { visitId } = await recordVisit(director, visitInput({ childId: child.id, visitedOn: today, riskLevel: "YELLOW", nextVisitOn }));
    expect((await visitRow(visitId)).nextVisitOn).toEqual(dateValue(nextVisitOn));
    expect((await childRow(child.id)).nextVisitOn).toEqual(dateValue(nextVisitOn));
  });

  it("a next visit later than the policy allows is refused, and nothing is saved", async () => {
    const child = await makeChild({ village });
    const before = await childRow(child.id);
    const error = await rejection(
      recordVisit(director, visitInput({ childId: child.id, visitedOn: today, riskLevel: "YELLOW", nextVisitOn: addDays(today, 15) })),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ nextVisitOn: ["visit.errors.nextAfterPolicy"] });
    expect(await db().visit.count({ where: { childId: child.id } })).toBe(0);
    expect(await childRow(child.id)).toEqual(before);
  });

  it("a visit dated in the future or before the child was born is refused", async () => {
    const child = await makeChild({ village, dateOfBirth: "2020-06-01" });
    const future = await rejection(recordVisit(director, visitInput({ childId: child.id, visitedOn: addDays(today, 1), riskLevel: "GREEN" })));
    expect((future as ValidationError).fieldErrors).toEqual({ visitedOn: ["visit.errors.futureDate"] });
    const unborn = await rejection(recordVisit(director, visitInput({ childId: child.id, visitedOn: "2020-05-31", riskLevel: "GREEN" })));
    expect((unborn as ValidationError).fieldErrors).toEqual({ visitedOn: ["visit.errors.beforeBirth"] });
    expect(await db().visit.count({ where: { childId: child.id } })).toBe(0);
  });

  it("a back-dated visit older than the latest one does not overwrite the file's risk and dates", async () => {
    const child = await makeChild({ village });
    await recordVisit(director, visitInput({ childId: child.id, visitedOn: today, riskLevel: "YELLOW" }));
    const after = await childRow(child.id);
    await recordVisit(director, visitInput({ childId: child.id, visitedOn: addDays(today, -10), riskLevel: "GREEN" }));
    expect(await childRow(child.id)).toEqual({ ...after, version: after.version + 1 });
  });
});

describe("an urgent safety check is a mandatory report (强制报告)", () => {
  const urgent = { safetyCheck: "URGENT" as const, safety: "身上有多处淤青", urgentDescription: "孩子说继父经常打他，手臂有淤青" };

  it("saving a visit with urgent safety creates exactly one open report for that visit, and the file turns red", async () => {
    const child = await makeChild({ village, riskLevel: "GREEN" });
    const saved = await recordVisit(director, visitInput({ childId: child.id, visitedOn: today, riskLevel: "RED", ...urgent }));
    const reports = await db().mandatoryReport.findMany({
      where: { childId: child.id },
      select: { id: true, kind: true, status: true, description: true, visitId: true, areaCode: true, createdById: true },
    });
    expect(reports).toEqual([
      {
        id: saved.mandatoryReportId,
        kind: "VISIT_SAFETY",
        status: "OPEN",
        description: urgent.urgentDescription,
        visitId: saved.visitId,
        areaCode: VILLAGE,
        createdById: director.userId,
      },
    ]);
    expect((await childRow(child.id)).riskLevel).toBe("RED");
    expect(await db().auditEvent.count({ where: { entity: "mandatoryReport", entityId: saved.mandatoryReportId!, action: "create" } })).toBe(1);
  });

  it("without a description of what was seen, neither the visit nor a report is saved", async () => {
    const child = await makeChild({ village, riskLevel: "GREEN" });
    const before = await childRow(child.id);
    const error = await rejection(
      recordVisit(director, visitInput({ childId: child.id, visitedOn: today, riskLevel: "RED", ...urgent, urgentDescription: " " })),
    );
    expect((error as ValidationError).fieldErrors).toEqual({ urgentDescription: ["visit.errors.urgentDescription"] });
    expect(await db().visit.count({ where: { childId: child.id } })).toBe(0);
    expect(await db().mandatoryReport.count({ where: { childId: child.id } })).toBe(0);
    expect(await childRow(child.id)).toEqual(before);
  });

  it("urgent safety with a tier below red is refused", async () => {
    const child = await makeChild({ village });
    const error = await rejection(recordVisit(director, visitInput({ childId: child.id, visitedOn: today, riskLevel: "YELLOW", ...urgent })));
    expect((error as ValidationError).fieldErrors).toEqual({ riskLevel: ["visit.errors.urgentNeedsRed"] });
    expect(await db().mandatoryReport.count({ where: { childId: child.id } })).toBe(0);
  });

  it("an urgent check in another domain does not raise a mandatory report", async () => {
    const child = await makeChild({ village });
    const saved = await recordVisit(director, visitInput({ childId: child.id, visitedOn: today, riskLevel: "RED", healthCheck: "URGENT" }));
    expect(saved.mandatoryReportId).toBeNull();
    expect(await db().mandatoryReport.count({ where: { childId: child.id } })).toBe(0);
  });

  it("an edit that makes safety urgent raises one report, and editing again does not raise a second", async () => {
    const child = await makeChild({ village });
    const { visitId } = await recordVisit(director, visitInput({ childId: child.id, visitedOn: today, riskLevel: "YELLOW" }));
    const fields = visitInput({ childId: child.id, visitedOn: today, riskLevel: "RED", ...urgent });
    const { childId: _ignored, ...edit } = fields;
    await updateVisit(director, { ...edit, visitId, version: 1 });
    await updateVisit(director, { ...edit, notes: "补充", visitId, version: 2 });
    expect(await db().mandatoryReport.count({ where: { visitId } })).toBe(1);
    expect((await childRow(child.id)).riskLevel).toBe("RED");
  });
});

describe("who may edit a visit, and when", () => {
  async function visitOn(visitedOn: string) {
    const child = await makeChild({ village, dateOfBirth: "2015-01-01" });
    const { visitId } = await recordVisit(director, visitInput({ childId: child.id, visitedOn, riskLevel: "BLUE" }));
    const { childId: _ignored, ...edit } = visitInput({ childId: child.id, visitedOn, riskLevel: "YELLOW", notes: "更正" });
    return { child, visitId, edit: { ...edit, visitId, version: 1 } };
  }

  it("a director may edit her visit up to 7 days after it", async () => {
    const { visitId, edit } = await visitOn(addDays(today, -7));
    await updateVisit(director, edit);
    expect(await visitRow(visitId)).toMatchObject({ riskLevel: "YELLOW", version: 2 });
  });

  it("a director is refused an edit 8 days after the visit, and the visit is unchanged", async () => {
    const { visitId, edit } = await visitOn(addDays(today, -8));
    const error = await rejection(updateVisit(director, edit));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).messageKey).toBe("visit.errors.editWindowClosed");
    expect(await visitRow(visitId)).toMatchObject({ riskLevel: "BLUE", version: 1 });
    expect(await db().auditEvent.count({ where: { entity: "visit", entityId: visitId, action: "update", outcome: "DENIED" } })).toBe(1);
  });

  it("the township supervisor may edit an older visit of her township", async () => {
    const { visitId, edit } = await visitOn(addDays(today, -30));
    await updateVisit(supervisor, edit);
    expect(await visitRow(visitId)).toMatchObject({ riskLevel: "YELLOW", version: 2 });
  });

  it("an edit from a stale version is refused as a conflict and changes nothing", async () => {
    const { visitId, edit } = await visitOn(today);
    await updateVisit(director, edit);
    const error = await rejection(updateVisit(director, { ...edit, riskLevel: "GREEN" }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(await visitRow(visitId)).toMatchObject({ riskLevel: "YELLOW", version: 2 });
  });

  it("a director may not move the visit date outside her 7 days, and the visit is unchanged", async () => {
    const { visitId, edit } = await visitOn(addDays(today, -3));
    const error = await rejection(updateVisit(director, { ...edit, visitedOn: addDays(today, -9) }));
    expect((error as ValidationError).fieldErrors).toEqual({ visitedOn: ["visit.errors.editWindowDate"] });
    expect(await visitRow(visitId)).toMatchObject({ riskLevel: "BLUE", version: 1 });
  });

  it("a director may not extend her week by moving the date forward: the week also runs from the day she recorded the visit", async () => {
    const { visitId, edit } = await visitOn(addDays(today, -6));
    // Recorded 8 days ago, its date since moved to 6 days ago: the week to correct it is over.
    await db().visit.update({ where: { id: visitId }, data: { createdAt: new Date(Date.now() - 8 * 86_400_000) } });
    const error = await rejection(updateVisit(director, { ...edit, visitedOn: today }));
    expect((error as ForbiddenError).messageKey).toBe("visit.errors.editWindowClosed");
    expect(await visitRow(visitId)).toMatchObject({ riskLevel: "BLUE", version: 1 });
    expect((await getVisit(director, visitId)).canEdit).toBe(false);
    await updateVisit(supervisor, edit);
    expect(await visitRow(visitId)).toMatchObject({ riskLevel: "YELLOW", version: 2 });
  });

  it("a director may not edit a visit another director or the supervisor recorded, even within 7 days", async () => {
    const colleague = await actorFor("VILLAGE_DIRECTOR", VILLAGE);
    const child = await makeChild({ village });
    const byColleague = await recordVisit(colleague, visitInput({ childId: child.id, visitedOn: today, riskLevel: "BLUE" }));
    const bySupervisor = await recordVisit(supervisor, visitInput({ childId: child.id, visitedOn: addDays(today, -1), riskLevel: "BLUE" }));
    for (const visitId of [byColleague.visitId, bySupervisor.visitId]) {
      const { childId: _ignored, ...edit } = visitInput({ childId: child.id, visitedOn: today, riskLevel: "YELLOW" });
      const error = await rejection(updateVisit(director, { ...edit, visitId, version: 1 }));
      expect((error as ForbiddenError).messageKey).toBe("visit.errors.notYourVisit");
      expect(await visitRow(visitId)).toMatchObject({ riskLevel: "BLUE", version: 1 });
    }
    expect((await listChildVisits(director, child.id)).map((v) => v.canEdit)).toEqual([false, false]);
    expect((await listChildVisits(colleague, child.id)).map((v) => v.canEdit)).toEqual([true, false]);
  });

  it("the list of a child's visits offers the edit link only within the director's 7 days", async () => {
    const { child } = await visitOn(addDays(today, -8));
    await recordVisit(director, visitInput({ childId: child.id, visitedOn: today, riskLevel: "GREEN" }));
    const visits = await listChildVisits(director, child.id);
    expect(visits.map((v) => [v.visitedOn, v.canEdit])).toEqual([
      [today, true],
      [addDays(today, -8), false],
    ]);
    expect(visits[0]!.recordedBy).toBe(director.displayName);
    expect((await listChildVisits(supervisor, child.id)).every((v) => v.canEdit)).toBe(true);
  });
});

describe("visits stay inside the director's village", () => {
  it("a director of another village gets not-found when recording, editing or opening a visit, and nothing changes", async () => {
    const child = await makeChild({ village });
    const { visitId } = await recordVisit(director, visitInput({ childId: child.id, visitedOn: today, riskLevel: "BLUE" }));
    const before = await childRow(child.id);
    await expect(
      recordVisit(neighbourDirector, visitInput({ childId: child.id, visitedOn: today, riskLevel: "RED" })),
    ).rejects.toBeInstanceOf(NotFoundError);
    const { childId: _ignored, ...edit } = visitInput({ childId: child.id, visitedOn: today, riskLevel: "RED" });
    await expect(updateVisit(neighbourDirector, { ...edit, visitId, version: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getVisit(neighbourDirector, visitId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listChildVisits(neighbourDirector, child.id)).toEqual([]);
    expect(await childRow(child.id)).toEqual(before);
    expect(await visitRow(visitId)).toMatchObject({ riskLevel: "BLUE", version: 1 });
    expect(
      await db().auditEvent.count({ where: { actorId: neighbourDirector.userId, outcome: "DENIED", entity: "visit" } }),
    ).toBeGreaterThanOrEqual(3);
  });
});

describe("needs found on a visit become referral drafts", () => {
  it("one tap makes one DRAFT referral of the need's type for the visit; a second tap returns the same draft", async () => {
    const child = await makeChild({ village });
    const { visitId } = await recordVisit(
      director,
      visitInput({ childId: child.id, visitedOn: today, riskLevel: "YELLOW", needs: ["SCHOOL", "HEALTH"], education: "已辍学两个月" }),
    );
    const first = await createReferralDraftFromNeed(director, { visitId, type: "SCHOOL" });
    const again = await Promise.all([
      createReferralDraftFromNeed(director, { visitId, type: "SCHOOL" }),
      createReferralDraftFromNeed(director, { visitId, type: "SCHOOL" }),
    ]);
    expect(first.created).toBe(true);
    expect(again.map((r) => r.referralId)).toEqual([first.referralId, first.referralId]);
    const rows = await db().referral.findMany({
      where: { childId: child.id },
      select: { id: true, type: true, status: true, visitId: true, agency: true, reason: true },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first.referralId, type: "SCHOOL", status: "DRAFT", visitId, agency: "中心学校" });
    expect(rows[0]!.reason).toContain("已辍学两个月");
    const [listed] = await listChildVisits(director, child.id);
    expect(listed!.referredNeeds).toEqual(["SCHOOL"]);
  });

  it("a need the visit did not record, or a visit of another village, is not found", async () => {
    const child = await makeChild({ village });
    const { visitId } = await recordVisit(director, visitInput({ childId: child.id, visitedOn: today, riskLevel: "GREEN", needs: ["HEALTH"] }));
    await expect(createReferralDraftFromNeed(director, { visitId, type: "SCHOOL" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createReferralDraftFromNeed(neighbourDirector, { visitId, type: "HEALTH" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().referral.count({ where: { childId: child.id } })).toBe(0);
  });
});

describe("saving the same submission twice saves one visit", () => {
  const urgent = { safetyCheck: "URGENT" as const, riskLevel: "RED" as const, urgentDescription: "孩子说继父打他" };

  it("a retry with the same request id returns the first visit: one visit, one report, one audit row", async () => {
    const child = await makeChild({ village });
    const input = visitInput({ childId: child.id, visitedOn: today, ...urgent });
    const first = await recordVisit(director, input);
    const retry = await recordVisit(director, input);
    expect(retry).toEqual(first);
    expect(first.mandatoryReportId).not.toBeNull();
    expect(await db().visit.count({ where: { childId: child.id } })).toBe(1);
    expect(await db().mandatoryReport.count({ where: { childId: child.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entity: "visit", entityId: first.visitId, action: "create" } })).toBe(1);
    expect((await childRow(child.id)).version).toBe(child.version + 1);
  });

  it("several submissions of one form at the same moment save one visit and all get its id", async () => {
    const child = await makeChild({ village });
    const input = visitInput({ childId: child.id, visitedOn: today, ...urgent });
    const all = await Promise.all(Array.from({ length: 4 }, () => recordVisit(director, input)));
    expect(new Set(all.map((saved) => saved.visitId)).size).toBe(1);
    expect(await db().visit.count({ where: { childId: child.id } })).toBe(1);
    expect(await db().mandatoryReport.count({ where: { childId: child.id } })).toBe(1);
  });

  it("another director's request id is not hers: nothing is returned from another village", async () => {
    const child = await makeChild({ village });
    const input = visitInput({ childId: child.id, visitedOn: today, riskLevel: "GREEN" });
    await recordVisit(director, input);
    await expect(recordVisit(neighbourDirector, input)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("two visits saved at the same moment", () => {
  it("leave the file with the latest visit's risk and dates, never the older one's", async () => {
    const children = await Promise.all(Array.from({ length: 6 }, () => makeChild({ village, riskLevel: null })));
    await Promise.all(
      children.flatMap((child) => [
        recordVisit(director, visitInput({ childId: child.id, visitedOn: today, riskLevel: "RED" })),
        recordVisit(director, visitInput({ childId: child.id, visitedOn: addDays(today, -5), riskLevel: "GREEN" })),
      ]),
    );
    for (const child of children) {
      expect(await childRow(child.id)).toMatchObject({ riskLevel: "RED", lastVisitOn: dateValue(today), nextVisitOn: dateValue(addDays(today, 7)) });
    }
  });
});

describe("control characters in free text", () => {
  it("a visit posted with a NUL byte in its notes is a validation error and saves nothing", async () => {
    session.actor = director;
    const child = await makeChild({ village });
    const form = new FormData();
    for (const [key, value] of Object.entries(visitInput({ childId: child.id, visitedOn: today, riskLevel: "GREEN", notes: "看到\u0000了" }))) {
      for (const item of Array.isArray(value) ? value : [value]) form.append(key, item);
    }
    const result = await recordVisitAction(form);
    expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { notes: ["visit.errors.controlChars"] } } });
    expect(await db().visit.count({ where: { childId: child.id } })).toBe(0);
  });

  it("every free-text field refuses control characters; line breaks, also a browser's CRLF, are kept", () => {
    const base = visitInput({ childId: crypto.randomUUID(), visitedOn: today, riskLevel: "RED", safetyCheck: "URGENT", urgentDescription: "孩子说继父打他" });
    for (const field of ["notes", "care", "safety", "health", "education", "wellbeing", "urgentDescription"] as const) {
      const parsed = recordVisitSchema.safeParse({ ...base, [field]: `看到\u0007的${field === "urgentDescription" ? "情况" : ""}` });
      expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([[field, "visit.errors.controlChars"]]);
    }
    expect(recordVisitSchema.safeParse({ ...base, metWith: ["CHILD\u0000"] }).success).toBe(false);
    expect(recordVisitSchema.parse({ ...base, notes: "第一行\r\n第二行" }).notes).toBe("第一行\n第二行");
  });
});
