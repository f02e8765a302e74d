import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { dateValue, isoDate, todayInChina } from "@/lib/domain/dates";
import { ENTITLEMENT_TRANSITIONS, findEntitlementTransition } from "@/lib/domain/entitlement-workflow";
import { ENTITLEMENT_STATUSES, type BenefitTypeName, type EntitlementStatusName } from "@/lib/domain/enums";
import { addMonths, currentMonth } from "@/lib/domain/months";
import { ROLE_SCOPE_LENGTH, ROLES, type RoleName } from "@/lib/domain/roles";
import { addCalendarDays, addWorkingDays, type WorkCalendar } from "@/lib/domain/working-days";
import { createApplicationSchema, transitionEntitlementSchema, type TransitionEntitlementInput } from "@/lib/schemas/entitlement";
import { POLICY, type Operation } from "@/lib/server/access/policy";
import { db, disconnectDb } from "@/lib/server/db";
import { getApplyChild, getApplyForm } from "@/lib/server/entitlements/apply-form";
import { createApplication } from "@/lib/server/entitlements/create";
import { getEntitlement } from "@/lib/server/entitlements/detail";
import { listEntitlements } from "@/lib/server/entitlements/queries";
import { EntitlementConflictError, transitionEntitlement } from "@/lib/server/entitlements/transition";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/session";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { makeEntitlement } from "../factories/entitlements";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

// County 430521, township 430521101 with villages A (the generated table), B…H (one story each);
// O is in another township of the same county, X in another county.
const COUNTY = "430521000000";
const TOWNSHIP = "430521101000";
const A = "430521101201";
const O = "430521102201";
const X = "430522101201";
const CASE_ROLES: RoleName[] = ["VILLAGE_DIRECTOR", "TOWNSHIP_SUPERVISOR", "COUNTY_OFFICER"];

const actors = {} as Record<RoleName, Actor>;
let childA: { id: string; areaCode: string };

/** An orphan of 9: the rule finds her eligible for the orphan allowance. */
async function orphanIn(village: string, name = "小芳") {
  const v = await makeVillage(village);
  return makeChild({
    village: v,
    name,
    dateOfBirth: addCalendarDays(todayInChina(), -9 * 366),
    categories: [{ category: "ORPHAN" }],
    household: { fatherStatus: "DECEASED", motherStatus: "DECEASED" },
  });
}

/** A child with both parents at home and no category: not eligible for the orphan allowance. */
async function ordinaryChildIn(village: string) {
  return makeChild({ village: await makeVillage(village), dateOfBirth: addCalendarDays(todayInChina(), -8 * 366) });
}

function directorOf(village: string) {
  return actorFor("VILLAGE_DIRECTOR", village);
}

const apply = (actor: Actor, input: { childId: string; benefit?: BenefitTypeName; requestId?: string; justification?: string }) =>
  createApplication(actor, createApplicationSchema.parse({ benefit: "ORPHAN_ALLOWANCE", requestId: crypto.randomUUID(), ...input }));

const run = (actor: Actor, input: TransitionEntitlementInput) => transitionEntitlement(actor, transitionEntitlementSchema.parse(input));

/** Everything a move to `to` could ask for, so that only the table (not a missing field) decides. */
function fullInput(entitlementId: string, version: number, from: EntitlementStatusName, to: EntitlementStatusName): TransitionEntitlementInput {
  const rule = findEntitlementTransition(from, to) ?? ENTITLEMENT_TRANSITIONS.find((r) => r.to === to);
  const month = !rule?.monthRequired ? "" : to === "CONFIRMED" ? addMonths(currentMonth(), 1) : currentMonth();
  return { entitlementId, version, to, note: rule?.noteRequired ? "原因说明" : "", month };
}

async function row(id: string) {
  return db().entitlement.findUniqueOrThrow({ where: { id } });
}

async function deniedAudits(entityId: string) {
  return db().auditEvent.count({ where: { entityId, entity: "entitlement", outcome: "DENIED" } });
}

async function notified(entityId: string) {
  return db().notification.findMany({ where: { entity: "entitlement", entityId }, select: { userId: true, kind: true, params: true } });
}

async function workCalendar(): Promise<WorkCalendar> {
  const rows = await db().holiday.findMany({ select: { day: true, isWorkday: true } });
  return new Map(rows.map((r) => [isoDate(r.day), r.isWorkday]));
}

beforeAll(async () => {
  await makeVillage(A);
  actors.VILLAGE_DIRECTOR = await directorOf(A);
  actors.TOWNSHIP_SUPERVISOR = await actorFor("TOWNSHIP_SUPERVISOR", TOWNSHIP);
  actors.COUNTY_OFFICER = await actorFor("COUNTY_OFFICER", COUNTY);
  childA = await orphanIn(A);
});

describe("every (from, to) pair for every role, generated from the statuses", () => {
  for (const from of ENTITLEMENT_STATUSES) {
    for (const to of ENTITLEMENT_STATUSES) {
      for (const role of CASE_ROLES) {
        const allowed = findEntitlementTransition(from, to)?.roles.includes(role) ?? false;
        it(`${role} ${allowed ? "may" : "may not"} move an entitlement from ${from} to ${to}`, async () => {
          const entitlement = await makeEntitlement({ child: childA, status: from });
          const attempt = run(actors[role], fullInput(entitlement.id, 1, from, to));
          if (allowed) {
            await expect(attempt).resolves.toMatchObject({ status: to, version: 2 });
            const events = await db().entitlementEvent.findMany({ where: { entitlementId: entitlement.id, fromStatus: { not: null } } });
            expect(events).toMatchObject([{ fromStatus: from, toStatus: to, actorId: actors[role].userId, actorRole: role }]);
          } else {
            await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
            expect(await row(entitlement.id)).toMatchObject({ status: from, version: 1 });
            expect(await db().entitlementEvent.count({ where: { entitlementId: entitlement.id } })).toBe(1);
            expect(await deniedAudits(entitlement.id)).toBe(1);
          }
        });
      }
    }
  }
});

describe("the full flow, by role", () => {
  it("director applies, supervisor checks, county confirms at the county's rate, then receiving, suspended, resumed and ended", async () => {
    const B = "430521101202";
    const child = await orphanIn(B, "刘小芳");
    const director = await directorOf(B);
    const secondSupervisor = await actorFor("TOWNSHIP_SUPERVISOR", TOWNSHIP);
    const otherSupervisor = await actorFor("TOWNSHIP_SUPERVISOR", O.slice(0, 9).padEnd(12, "0"));
    // The county sets its own amount; it wins over the national 1,439.90.
    await db().benefitRate.create({ data: { benefitType: "ORPHAN_ALLOWANCE", areaCode: "430521", effectiveFrom: dateValue("2024-01-01"), monthlyAmountFen: 152_050 } });
    const today = todayInChina();

    const { entitlementId, created } = await apply(director, { childId: child.id });
    expect(created).toBe(true);
    const applied = await row(entitlementId);
    expect(applied).toMatchObject({ status: "APPLIED", eligibleOnApply: true, justification: null, createdById: director.userId, areaCode: B });
    expect(isoDate(applied.appliedOn)).toBe(today);
    expect(applied.eligibility).toMatchObject({ eligible: true });
    expect((applied.eligibility as { reasons: unknown[] }).reasons.length).toBeGreaterThan(0);
    // 查验 within the catalogue's 10 working days.
    expect(isoDate(applied.dueOn!)).toBe(addWorkingDays(today, 10, await workCalendar()));
    const supervisors = await db().user.findMany({ where: { role: "TOWNSHIP_SUPERVISOR", areaCode: TOWNSHIP, isActive: true }, select: { id: true } });
    const toSupervisors = await notified(entitlementId);
    expect(toSupervisors.map((n) => n.userId).sort()).toEqual(supervisors.map((u) => u.id).sort());
    expect(toSupervisors.map((n) => n.userId)).toEqual(expect.arrayContaining([actors.TOWNSHIP_SUPERVISOR.userId, secondSupervisor.userId]));
    expect(toSupervisors.map((n) => n.userId)).not.toContain(otherSupervisor.userId);
    expect(toSupervisors[0]).toMatchObject({ kind: "ENTITLEMENT_APPLIED", params: { childName: "刘小芳", benefit: "孤儿基本生活费", benefitType: "ORPHAN_ALLOWANCE" } });

    await run(actors.TOWNSHIP_SUPERVISOR, { entitlementId, version: 1, to: "CHECKED" });
    const checked = await row(entitlementId);
    expect(checked).toMatchObject({ status: "CHECKED", checkedById: actors.TOWNSHIP_SUPERVISOR.userId });
    expect(checked.checkedAt).not.toBeNull();
    // 确认 within 5 working days of the check.
    expect(isoDate(checked.dueOn!)).toBe(addWorkingDays(today, 5, await workCalendar()));
    const toCounty = (await notified(entitlementId)).filter((n) => n.kind === "ENTITLEMENT_CHECKED");
    expect(toCounty.map((n) => n.userId)).toEqual([actors.COUNTY_OFFICER.userId]);

    const startMonth = addMonths(currentMonth(), 1);
    await run(actors.COUNTY_OFFICER, { entitlementId, version: 2, to: "CONFIRMED", month: startMonth });
    const confirmed = await row(entitlementId);
    expect(confirmed).toMatchObject({ status: "CONFIRMED", monthlyAmountFen: 152_050, decidedById: actors.COUNTY_OFFICER.userId, dueOn: null });
    expect(isoDate(confirmed.startMonth!)).toBe(`${startMonth}-01`);
    expect(isoDate(confirmed.decidedOn!)).toBe(today);
    const decided = (await notified(entitlementId)).filter((n) => n.kind === "ENTITLEMENT_DECIDED");
    expect(decided.map((n) => n.userId)).toEqual([director.userId]);

    await run(actors.COUNTY_OFFICER, { entitlementId, version: 3, to: "RECEIVING" });
    await run(actors.COUNTY_OFFICER, { entitlementId, version: 4, to: "SUSPENDED", note: "监护人未按时提供材料", month: startMonth });
    expect(await row(entitlementId)).toMatchObject({ status: "SUSPENDED", statusReason: "监护人未按时提供材料" });
    await run(actors.COUNTY_OFFICER, { entitlementId, version: 5, to: "RECEIVING", month: addMonths(startMonth, 1) });
    expect(await row(entitlementId)).toMatchObject({ status: "RECEIVING", statusReason: null });
    await run(actors.COUNTY_OFFICER, { entitlementId, version: 6, to: "ENDED", note: "被收养", month: addMonths(startMonth, 2) });
    const ended = await row(entitlementId);
    expect(ended).toMatchObject({ status: "ENDED", statusReason: "被收养", version: 7 });
    expect(isoDate(ended.endMonth!)).toBe(`${addMonths(startMonth, 2)}-01`);

    const events = await db().entitlementEvent.findMany({ where: { entitlementId }, orderBy: { occurredAt: "asc" } });
    expect(events.map((e) => e.toStatus)).toEqual(["APPLIED", "CHECKED", "CONFIRMED", "RECEIVING", "SUSPENDED", "RECEIVING", "ENDED"]);
    expect(events.map((e) => (e.month ? isoDate(e.month).slice(0, 7) : null))).toEqual([null, null, startMonth, null, startMonth, addMonths(startMonth, 1), addMonths(startMonth, 2)]);
    const audits = await db().auditEvent.findMany({ where: { entity: "entitlement", entityId: entitlementId, outcome: "SUCCESS", action: { not: "read" } }, select: { action: true }, orderBy: { occurredAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["create", "update", "update", "update", "update", "update", "close"]);
  });

  it("a cash benefit without a county or province rate takes the national one; a non-cash benefit has no amount", async () => {
    const child = await orphanIn(X, "外县孩子");
    const county = await actorFor("COUNTY_OFFICER", "430522000000");
    const orphan = await makeEntitlement({ child, status: "CHECKED" });
    const insurance = await makeEntitlement({ child, status: "CHECKED", type: "MEDICAL_INSURANCE" });
    await run(county, { entitlementId: orphan.id, version: 1, to: "CONFIRMED", month: currentMonth() });
    await run(county, { entitlementId: insurance.id, version: 1, to: "CONFIRMED", month: currentMonth() });
    expect(await row(orphan.id)).toMatchObject({ monthlyAmountFen: 143_990 });
    expect(await row(insurance.id)).toMatchObject({ monthlyAmountFen: null });
  });

  it("the county cannot start payments before the month of the application, nor end them before they started", async () => {
    const early = await makeEntitlement({ child: childA, status: "CHECKED", appliedOn: todayInChina() });
    await expect(run(actors.COUNTY_OFFICER, { entitlementId: early.id, version: 1, to: "CONFIRMED", month: addMonths(currentMonth(), -1) })).rejects.toMatchObject({
      fieldErrors: { month: ["entitlement.errors.monthBeforeApplication"] },
    });
    const receiving = await makeEntitlement({ child: childA, status: "RECEIVING", startMonth: currentMonth() });
    await expect(run(actors.COUNTY_OFFICER, { entitlementId: receiving.id, version: 1, to: "ENDED", note: "迁出", month: addMonths(currentMonth(), -2) })).rejects.toBeInstanceOf(ValidationError);
    expect(await row(early.id)).toMatchObject({ status: "CHECKED", version: 1 });
    expect(await row(receiving.id)).toMatchObject({ status: "RECEIVING", version: 1 });
    expect(await deniedAudits(early.id)).toBe(1);
  });
});

describe("returned, withdrawn and denied", () => {
  const C = "430521101203";

  it("a returned application goes back to the director, who resubmits it for a fresh check", async () => {
    const child = await orphanIn(C, "王小明");
    const director = await directorOf(C);
    const { entitlementId } = await apply(director, { childId: child.id });
    await expect(run(actors.TOWNSHIP_SUPERVISOR, { entitlementId, version: 1, to: "RETURNED" })).rejects.toMatchObject({ fieldErrors: { note: ["entitlement.errors.noteRequired"] } });
    await run(actors.TOWNSHIP_SUPERVISOR, { entitlementId, version: 1, to: "RETURNED", note: "缺少父母死亡证明" });
    expect(await row(entitlementId)).toMatchObject({ status: "RETURNED", statusReason: "缺少父母死亡证明", dueOn: null });
    expect((await notified(entitlementId)).filter((n) => n.kind === "ENTITLEMENT_RETURNED").map((n) => n.userId)).toEqual([director.userId]);

    await run(director, { entitlementId, version: 2, to: "APPLIED", note: "已补充" });
    const resubmitted = await row(entitlementId);
    expect(resubmitted).toMatchObject({ status: "APPLIED", statusReason: null, checkedAt: null });
    expect(isoDate(resubmitted.dueOn!)).toBe(addWorkingDays(todayInChina(), 10, await workCalendar()));

    await run(actors.TOWNSHIP_SUPERVISOR, { entitlementId, version: 3, to: "CHECKED" });
    await run(actors.COUNTY_OFFICER, { entitlementId, version: 4, to: "RETURNED", note: "监护人身份证不清楚" });
    expect((await notified(entitlementId)).filter((n) => n.kind === "ENTITLEMENT_RETURNED")).toHaveLength(2);
  });

  it("the director withdraws an application with a reason, and may apply again later", async () => {
    const child = await orphanIn(C, "李小红");
    const director = await directorOf(C);
    const { entitlementId } = await apply(director, { childId: child.id });
    await run(director, { entitlementId, version: 1, to: "WITHDRAWN", note: "家属不愿申请" });
    expect(await row(entitlementId)).toMatchObject({ status: "WITHDRAWN", statusReason: "家属不愿申请", dueOn: null });
    await expect(apply(director, { childId: child.id })).resolves.toMatchObject({ created: true });
  });

  it("the county denies with a reason that the director is told of; without a reason it is refused and audited", async () => {
    const child = await orphanIn(C, "赵小刚");
    const director = await directorOf(C);
    const { id } = await makeEntitlement({ child, status: "CHECKED", createdById: director.userId });
    await expect(run(actors.COUNTY_OFFICER, { entitlementId: id, version: 1, to: "DENIED" })).rejects.toBeInstanceOf(ValidationError);
    expect(await row(id)).toMatchObject({ status: "CHECKED", version: 1 });
    expect(await deniedAudits(id)).toBe(1);
    await run(actors.COUNTY_OFFICER, { entitlementId: id, version: 1, to: "DENIED", note: "父亲在世，不属于孤儿" });
    expect(await row(id)).toMatchObject({ status: "DENIED", statusReason: "父亲在世，不属于孤儿", decidedById: actors.COUNTY_OFFICER.userId });
    expect(await db().auditEvent.count({ where: { entity: "entitlement", entityId: id, action: "close", outcome: "SUCCESS" } })).toBe(1);
    expect((await notified(id)).map((n) => [n.kind, n.userId])).toContainEqual(["ENTITLEMENT_DECIDED", director.userId]);
  });
});

describe("refusals by area, role and version", () => {
  it("a supervisor of another township, a director of another village and an officer of another county get not found, audited, nothing changes", async () => {
    const entitlement = await makeEntitlement({ child: childA, status: "APPLIED" });
    const strangers: [Actor, EntitlementStatusName][] = [
      [await actorFor("TOWNSHIP_SUPERVISOR", O.slice(0, 9).padEnd(12, "0")), "CHECKED"],
      [await actorFor("VILLAGE_DIRECTOR", (await makeVillage("430521101299")).code), "WITHDRAWN"],
      [await actorFor("COUNTY_OFFICER", "430522000000"), "RETURNED"],
    ];
    for (const [stranger, to] of strangers) {
      await expect(run(stranger, fullInput(entitlement.id, 1, "APPLIED", to))).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await row(entitlement.id)).toMatchObject({ status: "APPLIED", version: 1 });
    expect(await deniedAudits(entitlement.id)).toBe(3);
  });

  it("roles outside case work may not apply, move, list or read", async () => {
    const entitlement = await makeEntitlement({ child: childA, status: "CHECKED" });
    for (const role of ["PROVINCE_OFFICER", "AUDITOR", "SYSTEM_ADMIN"] as const) {
      const outsider = await actorFor(role, "430000000000");
      await expect(run(outsider, fullInput(entitlement.id, 1, "CHECKED", "CONFIRMED"))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(apply(outsider, { childId: childA.id })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listEntitlements(outsider)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getEntitlement(outsider, entitlement.id)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("a move made on an old version is a conflict that reports the current state", async () => {
    const entitlement = await makeEntitlement({ child: childA, status: "APPLIED" });
    await run(actors.TOWNSHIP_SUPERVISOR, { entitlementId: entitlement.id, version: 1, to: "CHECKED" });
    const stale = run(actors.TOWNSHIP_SUPERVISOR, { entitlementId: entitlement.id, version: 1, to: "RETURNED", note: "缺材料" });
    await expect(stale).rejects.toBeInstanceOf(EntitlementConflictError);
    await expect(stale).rejects.toMatchObject({ messageKey: "entitlement.errors.conflict", current: { status: "CHECKED", version: 2 } });
  });

  it("a move the role never makes is refused and audited even when sent with an old version", async () => {
    const entitlement = await makeEntitlement({ child: childA, status: "APPLIED" });
    await run(actors.TOWNSHIP_SUPERVISOR, { entitlementId: entitlement.id, version: 1, to: "CHECKED" });
    await expect(run(actors.VILLAGE_DIRECTOR, { entitlementId: entitlement.id, version: 1, to: "CONFIRMED", month: currentMonth() })).rejects.toBeInstanceOf(ForbiddenError);
    const denied = await db().auditEvent.findMany({ where: { entityId: entitlement.id, actorId: actors.VILLAGE_DIRECTOR.userId, outcome: "DENIED" }, select: { details: true } });
    expect(denied).toEqual([{ details: expect.objectContaining({ reason: "roleNotAllowed", to: "CONFIRMED" }) }]);
  });

  it("of two officers deciding at once, exactly one wins", async () => {
    const entitlement = await makeEntitlement({ child: childA, status: "CHECKED" });
    const results = await Promise.allSettled([
      run(actors.COUNTY_OFFICER, { entitlementId: entitlement.id, version: 1, to: "CONFIRMED", month: currentMonth() }),
      run(actors.COUNTY_OFFICER, { entitlementId: entitlement.id, version: 1, to: "DENIED", note: "不符合" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason)).toEqual([expect.any(ConflictError)]);
    expect(await db().entitlementEvent.count({ where: { entitlementId: entitlement.id } })).toBe(2);
  });
});

describe("applying", () => {
  const D = "430521101204";

  it("is idempotent on the form's request id, even for two submissions at once", async () => {
    const child = await orphanIn(D, "孙小雨");
    const director = await directorOf(D);
    const requestId = crypto.randomUUID();
    const first = await apply(director, { childId: child.id, requestId });
    const again = await apply(director, { childId: child.id, requestId });
    expect(again).toEqual({ entitlementId: first.entitlementId, created: false });
    const raced = crypto.randomUUID();
    const other = await orphanIn(D, "孙小雪");
    const both = await Promise.all([apply(director, { childId: other.id, requestId: raced }), apply(director, { childId: other.id, requestId: raced })]);
    expect(both[0].entitlementId).toBe(both[1].entitlementId);
    expect(await db().entitlement.count({ where: { childId: { in: [child.id, other.id] } } })).toBe(2);
    expect(await db().auditEvent.count({ where: { entity: "entitlement", action: "create", entityId: { in: [first.entitlementId, both[0].entitlementId] } } })).toBe(2);
  });

  it("refuses a second application of a benefit that is open or being received, audited", async () => {
    const child = await orphanIn(D, "周小兰");
    const director = await directorOf(D);
    await apply(director, { childId: child.id });
    await expect(apply(director, { childId: child.id })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "entitlement.errors.alreadyOpen" });
    const receiving = await orphanIn(D, "周小梅");
    await makeEntitlement({ child: receiving, status: "RECEIVING" });
    await expect(apply(director, { childId: receiving.id })).rejects.toMatchObject({ messageKey: "entitlement.errors.alreadyOpen" });
    expect(await db().entitlement.count({ where: { childId: { in: [child.id, receiving.id] } } })).toBe(2);
    expect(await db().auditEvent.count({ where: { entity: "entitlement", action: "create", outcome: "DENIED", actorId: director.userId } })).toBe(2);
  });

  it("without eligibility by the rule, a justification is required; with one the application is stored and flagged", async () => {
    const child = await ordinaryChildIn(D);
    const director = await directorOf(D);
    await expect(apply(director, { childId: child.id })).rejects.toMatchObject({ fieldErrors: { justification: ["entitlement.errors.justificationRequired"] } });
    expect(await db().entitlement.count({ where: { childId: child.id } })).toBe(0);

    const { entitlementId } = await apply(director, { childId: child.id, justification: "父母均已失联两年，档案尚未更新" });
    const stored = await row(entitlementId);
    expect(stored).toMatchObject({ eligibleOnApply: false, justification: "父母均已失联两年，档案尚未更新", eligibility: { eligible: false } });
    expect((stored.eligibility as { reasons: unknown[] }).reasons.length).toBeGreaterThan(0);
    const flagged = await listEntitlements(actors.COUNTY_OFFICER, { flagged: true });
    expect(flagged.map((e) => e.id)).toContain(entitlementId);
    expect(flagged.every((e) => !e.eligibleOnApply)).toBe(true);
    expect(await getEntitlement(actors.TOWNSHIP_SUPERVISOR, entitlementId)).toMatchObject({ eligibleOnApply: false, justification: "父母均已失联两年，档案尚未更新", eligibility: { eligible: false } });
  });

  it("is refused for a closed file, and for a child outside the director's village (not found), both audited", async () => {
    const closed = await orphanIn(D, "钱小多");
    await db().child.update({ where: { id: closed.id }, data: { status: "CLOSED", closedReason: "MOVED_AWAY", closedAt: new Date() } });
    const director = await directorOf(D);
    await expect(apply(director, { childId: closed.id })).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "entitlement.errors.childNotActive" });
    const elsewhere = await orphanIn(O, "吴小远");
    await expect(apply(director, { childId: elsewhere.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().entitlement.count({ where: { childId: { in: [closed.id, elsewhere.id] } } })).toBe(0);
    const denied = await db().auditEvent.findMany({ where: { entity: "entitlement", action: "create", outcome: "DENIED", actorId: director.userId }, select: { details: true } });
    expect(denied.map((a) => (a.details as { reason: string }).reason).sort()).toEqual(["childNotActive", "notFound"]);
  });
});

describe("deadlines and the overdue list", () => {
  const E = "430521101205";

  it("a holiday inside the window moves the due date one working day later", async () => {
    const today = todayInChina();
    const before = await workCalendar();
    const holiday = addWorkingDays(today, 3, before);
    await db().holiday.upsert({ where: { day: dateValue(holiday) }, create: { day: dateValue(holiday), isWorkday: false, name: "测试假日" }, update: { isWorkday: false } });
    const child = await orphanIn(E, "郑小安");
    const { entitlementId } = await apply(await directorOf(E), { childId: child.id });
    expect(isoDate((await row(entitlementId)).dueOn!)).toBe(addWorkingDays(addWorkingDays(today, 10, before), 1, await workCalendar()));
    await db().holiday.delete({ where: { day: dateValue(holiday) } });
  });

  it("lists the overdue applications first, and only applications still waiting for a check or confirmation count as overdue", async () => {
    const child = await orphanIn(E, "郑小宁");
    const director = await directorOf(E);
    const today = todayInChina();
    const yesterday = addCalendarDays(today, -1);
    const late = await makeEntitlement({ child, status: "APPLIED", dueOn: addCalendarDays(today, -3), type: "DIBAO" });
    const lateChecked = await makeEntitlement({ child, status: "CHECKED", dueOn: yesterday, type: "TEKUN" });
    const dueToday = await makeEntitlement({ child, status: "APPLIED", dueOn: today, type: "EDUCATION_AID" });
    const returned = await makeEntitlement({ child, status: "RETURNED", dueOn: yesterday, type: "MEDICAL_INSURANCE" });

    const all = await listEntitlements(director);
    expect(all.slice(0, 2).map((e) => e.id)).toEqual([late.id, lateChecked.id]);
    expect(all.find((e) => e.id === dueToday.id)).toMatchObject({ isOverdue: false });
    expect(all.find((e) => e.id === returned.id)).toMatchObject({ isOverdue: false });
    expect((await listEntitlements(director, { overdue: true })).map((e) => e.id)).toEqual([late.id, lateChecked.id]);
    expect((await listEntitlements(director, { status: "CHECKED" })).map((e) => e.id)).toEqual([lateChecked.id]);
    expect(await getEntitlement(director, late.id)).toMatchObject({ isOverdue: true, dueOn: addCalendarDays(today, -3) });
  });
});

describe("reading one application", () => {
  it("shows the child, the benefit, the history with names and the moves this actor may make; out of scope is not found and audited", async () => {
    const F = "430521101206";
    const child = await orphanIn(F, "冯小乐");
    const director = await directorOf(F);
    const { entitlementId } = await apply(director, { childId: child.id });
    const seen = await getEntitlement(actors.TOWNSHIP_SUPERVISOR, entitlementId);
    expect(seen).toMatchObject({
      status: "APPLIED",
      child: { id: child.id, name: "冯小乐", age: 9 },
      benefit: { type: "ORPHAN_ALLOWANCE", isCash: true, checkDays: 10 },
      timeline: [{ fromStatus: null, toStatus: "APPLIED", actorName: "测试用户", actorRole: "VILLAGE_DIRECTOR" }],
    });
    expect(seen.moves.map((m) => m.to)).toEqual(["CHECKED", "RETURNED"]);
    expect((await getEntitlement(director, entitlementId)).moves.map((m) => m.to)).toEqual(["WITHDRAWN"]);
    expect((await getEntitlement(director, entitlementId)).canUploadDocuments).toBe(true);
    expect((await getEntitlement(actors.COUNTY_OFFICER, entitlementId)).moves).toEqual([]);

    const stranger = await actorFor("VILLAGE_DIRECTOR", O);
    await expect(getEntitlement(stranger, entitlementId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().auditEvent.count({ where: { entity: "entitlement", entityId: entitlementId, action: "read", outcome: "DENIED" } })).toBe(1);
  });
});

describe("medical insurance", () => {
  it("reaching RECEIVING marks the child insured in the same change, and the audit says so", async () => {
    const G = "430521101207";
    const child = await makeChild({ village: await makeVillage(G) });
    const before = await db().child.findUniqueOrThrow({ where: { id: child.id }, select: { medicalInsurance: true, version: true } });
    expect(before.medicalInsurance).not.toBe("INSURED");
    const { id } = await makeEntitlement({ child, status: "CONFIRMED", type: "MEDICAL_INSURANCE" });
    await run(actors.COUNTY_OFFICER, { entitlementId: id, version: 1, to: "RECEIVING" });
    expect(await db().child.findUniqueOrThrow({ where: { id: child.id }, select: { medicalInsurance: true, version: true } })).toEqual({ medicalInsurance: "INSURED", version: before.version + 1 });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entity: "entitlement", entityId: id, action: "update", outcome: "SUCCESS" }, select: { details: true } });
    expect(audit.details).toMatchObject({ to: "RECEIVING", childMedicalInsurance: "INSURED" });
  });

  it("another benefit reaching RECEIVING leaves the insurance alone", async () => {
    const child = await makeChild({ village: await makeVillage("430521101208") });
    const { id } = await makeEntitlement({ child, status: "CONFIRMED", type: "ORPHAN_ALLOWANCE" });
    await run(actors.COUNTY_OFFICER, { entitlementId: id, version: 1, to: "RECEIVING" });
    expect(await db().child.findUniqueOrThrow({ where: { id: child.id }, select: { medicalInsurance: true } })).toEqual({ medicalInsurance: "UNKNOWN" });
  });
});

describe("the apply page", () => {
  it("shows the rule's verdict, the documents to prepare, and an application already open instead of a second form", async () => {
    const H = "430521101209";
    const child = await orphanIn(H, "陈小北");
    const director = await directorOf(H);
    const form = await getApplyForm(director, child.id, "ORPHAN_ALLOWANCE");
    expect(form).toMatchObject({ child: { id: child.id, name: "陈小北", age: 9 }, verdict: { eligible: true }, existing: null });
    expect(form.benefit.documents.map((d) => d.code)).toContain("PARENTS_DEATH_OR_MISSING");
    const { entitlementId } = await apply(director, { childId: child.id });
    expect((await getApplyForm(director, child.id, "ORPHAN_ALLOWANCE")).existing).toEqual({ id: entitlementId, status: "APPLIED" });
    expect((await getApplyForm(director, child.id, "HUKOU_REGISTRATION")).verdict.eligible).toBe(false);
    expect(await getApplyChild(director, child.id)).toMatchObject({ name: "陈小北" });
  });

  it("finds no child of another village, and says so in the audit trail", async () => {
    const elsewhere = await orphanIn(O, "何小西");
    const director = await directorOf("430521101209");
    await expect(getApplyForm(director, elsewhere.id, "ORPHAN_ALLOWANCE")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getApplyChild(director, elsewhere.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().auditEvent.count({ where: { entity: "child", entityId: elsewhere.id, outcome: "DENIED", actorId: director.userId } })).toBe(2);
  });
});

describe("the policy table decides who may call each function (an unknown id is not found for those allowed)", () => {
  const probes: [string, Operation, (actor: Actor) => Promise<unknown>][] = [
    ["listEntitlements", "list", (actor) => listEntitlements(actor)],
    ["getEntitlement", "read", (actor) => getEntitlement(actor, crypto.randomUUID())],
    ["createApplication", "create", (actor) => apply(actor, { childId: crypto.randomUUID() })],
    ["getApplyForm", "create", (actor) => getApplyForm(actor, crypto.randomUUID(), "ORPHAN_ALLOWANCE")],
    ["getApplyChild", "create", (actor) => getApplyChild(actor, crypto.randomUUID())],
    ["transitionEntitlement", "update", (actor) => run(actor, { entitlementId: crypto.randomUUID(), version: 1, to: "CHECKED" })],
  ];
  for (const [name, operation, probe] of probes) {
    for (const role of ROLES) {
      const allowed = POLICY.entitlement[operation].includes(role);
      it(`a ${role} ${allowed ? "may" : "is refused"} ${operation} entitlement through ${name}`, async () => {
        const length = Math.max(...ROLE_SCOPE_LENGTH[role]);
        const actor = await actorFor(role, length === 0 ? "" : A.slice(0, length).padEnd(12, "0"));
        const outcome = await probe(actor).then(
          () => "allowed",
          (error: unknown) => (error instanceof NotFoundError ? "allowed" : error),
        );
        if (allowed) expect(outcome).toBe("allowed");
        else expect(outcome).toBeInstanceOf(ForbiddenError);
      });
    }
  }
});
