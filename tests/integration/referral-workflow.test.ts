import { beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "@/lib/domain/dates";
import { makeIdNumber } from "@/lib/domain/id-number";
import { findTransition, REFERRAL_STATUSES, type ReferralStatusName } from "@/lib/domain/referral-workflow";
import type { RoleName } from "@/lib/domain/roles";
import { transitionReferralSchema, type TransitionReferralInput } from "@/lib/schemas/referral";
import { DuplicateIdError } from "@/lib/server/children/duplicates";
import { db, disconnectDb } from "@/lib/server/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { getReferral } from "@/lib/server/referrals/detail";
import { createReferral } from "@/lib/server/referrals/mutations";
import { countOverdueReferrals, listApprovalQueue, listReferrals } from "@/lib/server/referrals/queries";
import { ReferralConflictError, transitionReferral } from "@/lib/server/referrals/transition";
import type { Actor } from "@/lib/server/session";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { makeUser } from "../factories/users";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

// Village A in township T1, county K; village E in another township of the same county.
const A = "430521101201";
const E = "430521102201";
const ROLES: RoleName[] = ["VILLAGE_DIRECTOR", "TOWNSHIP_SUPERVISOR", "COUNTY_OFFICER"];

const actors = {} as Record<RoleName, Actor>;
let otherSupervisor: Actor;
let creatorId: string;
let childA: string;

async function makeReferral(status: ReferralStatusName, extra: { childId?: string; createdById?: string; type?: "SCHOOL" | "CIVIL_REGISTRATION"; dueOn?: string; stateEnteredAt?: Date } = {}) {
  const row = await db().referral.create({
    data: {
      childId: extra.childId ?? childA,
      areaCode: A,
      type: extra.type ?? "SCHOOL",
      agency: "中心学校",
      reason: "辍学",
      status,
      createdById: extra.createdById ?? creatorId,
      ...(extra.dueOn ? { dueOn: new Date(`${extra.dueOn}T00:00:00Z`) } : {}),
      ...(extra.stateEnteredAt ? { stateEnteredAt: extra.stateEnteredAt } : {}),
    },
    select: { id: true, version: true },
  });
  return row;
}

/** Everything any move could ask for, so only the table (not a missing field) decides. */
function fullInput(referralId: string, version: number, to: ReferralStatusName): TransitionReferralInput {
  const rule = REFERRAL_STATUSES.map((from) => findTransition(from, to)).find(Boolean);
  return {
    referralId,
    version,
    to,
    note: rule?.noteRequired ? "原因说明" : "",
    referredOn: rule?.required.includes("referredOn") ? todayInChina() : "",
    outcome: rule?.required.includes("outcome") ? "已办理" : "",
  };
}

const run = (actor: Actor, input: TransitionReferralInput) => transitionReferral(actor, transitionReferralSchema.parse(input));

async function deniedAudits(entityId: string) {
  return db().auditEvent.count({ where: { entityId, entity: "referral", outcome: "DENIED" } });
}

beforeAll(async () => {
  await makeVillage(A);
  await makeVillage(E);
  for (const role of ROLES) actors[role] = await actorFor(role, role === "VILLAGE_DIRECTOR" ? A : role === "TOWNSHIP_SUPERVISOR" ? A.slice(0, 9).padEnd(12, "0") : A.slice(0, 6).padEnd(12, "0"));
  otherSupervisor = await actorFor("TOWNSHIP_SUPERVISOR", E.slice(0, 9).padEnd(12, "0"));
  creatorId = (await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: A })).id;
  childA = (await makeChild({ village: { code: A, name: "测试村201" } })).id;
});

describe("every (from, to) pair for every role, generated from the transition table", () => {
  for (const from of REFERRAL_STATUSES) {
    for (const to of REFERRAL_STATUSES) {
      for (const role of ROLES) {
        const rule = findTransition(from, to);
        const allowed = rule?.roles.includes(role) ?? false;
        it(`${role} ${allowed ? "may" : "may not"} move a referral from ${from} to ${to}`, async () => {
          const referral = await makeReferral(from);
          const attempt = run(actors[role], fullInput(referral.id, referral.version, to));
          if (allowed) {
            await expect(attempt).resolves.toMatchObject({ status: to, version: 2 });
            const events = await db().referralEvent.findMany({ where: { referralId: referral.id } });
            expect(events).toMatchObject([{ fromStatus: from, toStatus: to, actorId: actors[role].userId, actorRole: role }]);
          } else {
            await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
            const after = await db().referral.findUniqueOrThrow({ where: { id: referral.id }, select: { status: true, version: true } });
            expect(after).toEqual({ status: from, version: 1 });
            expect(await db().referralEvent.count({ where: { referralId: referral.id } })).toBe(0);
            expect(await deniedAudits(referral.id)).toBe(1);
          }
        });
      }
    }
  }
});

describe("refusals", () => {
  it("a township supervisor cannot approve a referral she created", async () => {
    const referral = await makeReferral("SUBMITTED", { createdById: actors.TOWNSHIP_SUPERVISOR.userId });
    await expect(run(actors.TOWNSHIP_SUPERVISOR, fullInput(referral.id, 1, "APPROVED"))).rejects.toMatchObject({ messageKey: "referral.errors.ownReferral" });
    expect(await db().referral.findUniqueOrThrow({ where: { id: referral.id }, select: { status: true } })).toEqual({ status: "SUBMITTED" });
    expect(await deniedAudits(referral.id)).toBe(1);
  });

  it("a supervisor of another township gets not found, and the attempt is audited", async () => {
    const referral = await makeReferral("SUBMITTED");
    await expect(run(otherSupervisor, fullInput(referral.id, 1, "APPROVED"))).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().referral.findUniqueOrThrow({ where: { id: referral.id }, select: { status: true } })).toEqual({ status: "SUBMITTED" });
    expect(await deniedAudits(referral.id)).toBe(1);
  });

  it("roles outside case work may not move a referral at all", async () => {
    const referral = await makeReferral("SUBMITTED");
    for (const role of ["PROVINCE_OFFICER", "AUDITOR", "SYSTEM_ADMIN"] as const) {
      await expect(run(await actorFor(role, "430000000000"), fullInput(referral.id, 1, "APPROVED"))).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("returning a referral without saying what is missing is refused and changes nothing", async () => {
    const referral = await makeReferral("SUBMITTED");
    await expect(run(actors.TOWNSHIP_SUPERVISOR, { referralId: referral.id, version: 1, to: "RETURNED" })).rejects.toBeInstanceOf(ValidationError);
    expect(await db().referral.findUniqueOrThrow({ where: { id: referral.id }, select: { status: true, version: true } })).toEqual({ status: "SUBMITTED", version: 1 });
  });

  it("a move made on an old version is a conflict that reports the current state", async () => {
    const referral = await makeReferral("SUBMITTED");
    await run(actors.TOWNSHIP_SUPERVISOR, fullInput(referral.id, 1, "APPROVED"));
    const attempt = run(actors.TOWNSHIP_SUPERVISOR, fullInput(referral.id, 1, "REJECTED"));
    await expect(attempt).rejects.toBeInstanceOf(ReferralConflictError);
    await expect(attempt).rejects.toMatchObject({ messageKey: "referral.errors.conflict", current: { status: "APPROVED", version: 2 } });
  });
});

describe("concurrency", () => {
  it("of 20 parallel approvals exactly one succeeds, 19 conflict, and one event is recorded", async () => {
    const referral = await makeReferral("SUBMITTED");
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => run(actors.TOWNSHIP_SUPERVISOR, fullInput(referral.id, 1, "APPROVED"))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(failures).toHaveLength(19);
    for (const f of failures) expect(f.reason).toBeInstanceOf(ConflictError);
    expect(await db().referralEvent.count({ where: { referralId: referral.id } })).toBe(1);
    expect(await db().referral.findUniqueOrThrow({ where: { id: referral.id }, select: { status: true, version: true } })).toEqual({ status: "APPROVED", version: 2 });
  });
});

describe("the whole chain", () => {
  it("a director's referral goes through submission, approval, referral and resolution with a timeline and notifications", async () => {
    const { referralId } = await createReferral(actors.VILLAGE_DIRECTOR, { childId: childA, type: "HEALTH", agency: "乡镇卫生院", reason: "需要接种疫苗" });
    const d = actors.VILLAGE_DIRECTOR;
    const t = actors.TOWNSHIP_SUPERVISOR;
    await run(d, { referralId, version: 1, to: "SUBMITTED" });
    expect(await db().notification.count({ where: { userId: t.userId, kind: "REFERRAL_SUBMITTED", entityId: referralId } })).toBe(1);
    // The sentence names the child ("{childName}的转介已提交").
    const sent = await db().notification.findFirstOrThrow({ where: { userId: t.userId, kind: "REFERRAL_SUBMITTED", entityId: referralId }, select: { params: true } });
    const child = await db().child.findUniqueOrThrow({ where: { id: childA }, select: { name: true } });
    expect(sent.params).toMatchObject({ childName: child.name });
    expect((await listApprovalQueue(t)).map((r) => r.id)).toContain(referralId);
    await run(t, { referralId, version: 2, to: "APPROVED", note: "同意" });
    expect(await db().notification.count({ where: { userId: d.userId, kind: "REFERRAL_APPROVED", entityId: referralId } })).toBe(1);
    await run(d, { referralId, version: 3, to: "REFERRED", referredOn: todayInChina(), agency: "县妇幼保健院" });
    await run(d, { referralId, version: 4, to: "IN_PROGRESS" });
    await run(t, { referralId, version: 5, to: "RESOLVED", outcome: "已完成接种" });
    const detail = await getReferral(d, referralId);
    expect(detail).toMatchObject({ status: "RESOLVED", agency: "县妇幼保健院", outcome: "已完成接种", dueOn: null, moves: [] });
    expect(detail?.timeline.map((e) => e.toStatus)).toEqual(["DRAFT", "SUBMITTED", "APPROVED", "REFERRED", "IN_PROGRESS", "RESOLVED"]);
    expect(detail?.timeline[2]).toMatchObject({ actorRole: "TOWNSHIP_SUPERVISOR", note: "同意" });
  });
});

describe("lists", () => {
  it("the approval queue holds submitted referrals, the longest waiting first, with days waiting", async () => {
    const child = (await makeChild({ village: { code: E, name: "测试村E" } })).id;
    const director = await actorFor("VILLAGE_DIRECTOR", E);
    const older = await db().referral.create({ data: { childId: child, areaCode: E, type: "SCHOOL", agency: "学校", reason: "x", status: "SUBMITTED", stateEnteredAt: new Date(Date.now() - 3 * 86_400_000) }, select: { id: true } });
    const newer = await db().referral.create({ data: { childId: child, areaCode: E, type: "SCHOOL", agency: "学校", reason: "y", status: "SUBMITTED" }, select: { id: true } });
    await db().referral.create({ data: { childId: child, areaCode: E, type: "SCHOOL", agency: "学校", reason: "z", status: "DRAFT" } });
    const queue = await listApprovalQueue(otherSupervisor);
    expect(queue.map((r) => r.id)).toEqual([older.id, newer.id]);
    expect(queue[0]?.daysWaiting).toBe(3);
    await expect(listApprovalQueue(director)).resolves.toHaveLength(2);
  });

  it("an open referral past its due day is flagged, filtered and counted; a closed one is not", async () => {
    const village = await makeVillage("430521103201");
    const director = await actorFor("VILLAGE_DIRECTOR", village.code);
    const child = (await makeChild({ village })).id;
    const make = (status: ReferralStatusName, dueOn: string) =>
      db().referral.create({ data: { childId: child, areaCode: village.code, type: "SCHOOL", agency: "学校", reason: "x", status, dueOn: new Date(`${dueOn}T00:00:00Z`) }, select: { id: true } });
    const late = await make("REFERRED", "2020-01-02");
    await make("RESOLVED", "2020-01-02");
    await make("APPROVED", "2999-01-01");
    expect((await listReferrals(director, { overdue: true })).map((r) => r.id)).toEqual([late.id]);
    expect((await listReferrals(director)).filter((r) => r.isOverdue).map((r) => r.id)).toEqual([late.id]);
    expect(await countOverdueReferrals(director)).toBe(1);
    expect(await listReferrals(director, { status: ["RESOLVED"] })).toHaveLength(1);
    expect(await listReferrals(director, { childId: child })).toHaveLength(3);
  });
});

describe("resolving a civil registration referral", () => {
  async function unregisteredChild(code: string) {
    const village = await makeVillage(code);
    const child = await makeChild({ village, hasIdNumber: false, sex: "FEMALE", dateOfBirth: "2019-05-06", categories: [{ category: "UNREGISTERED", startDate: "2024-01-01" }] });
    const director = await actorFor("VILLAGE_DIRECTOR", code);
    const referral = await db().referral.create({ data: { childId: child.id, areaCode: code, type: "CIVIL_REGISTRATION", agency: "派出所", reason: "无户籍", status: "IN_PROGRESS" }, select: { id: true } });
    return { child, director, referralId: referral.id };
  }

  it("writes the new ID number to the child's file and ends her unregistered category that day", async () => {
    const { child, director, referralId } = await unregisteredChild("430521104201");
    const idNumber = makeIdNumber("430521", "2019-05-06", 12, "FEMALE");
    await run(director, { referralId, version: 1, to: "RESOLVED", outcome: "已落户", idNumber });
    const after = await db().child.findUniqueOrThrow({ where: { id: child.id }, select: { idNumberMasked: true, noIdReason: true, version: true, categories: { select: { category: true, endDate: true } } } });
    expect(after.idNumberMasked).toBe(`${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`);
    expect(after.noIdReason).toBeNull();
    expect(after.version).toBe(child.version + 1);
    expect(after.categories).toEqual([{ category: "UNREGISTERED", endDate: new Date(`${todayInChina()}T00:00:00Z`) }]);
  });

  it("refuses an ID number whose sex does not match the child, and nothing changes", async () => {
    const { child, director, referralId } = await unregisteredChild("430521104202");
    const male = makeIdNumber("430521", "2019-05-06", 11, "MALE");
    await expect(run(director, { referralId, version: 1, to: "RESOLVED", outcome: "已落户", idNumber: male })).rejects.toMatchObject({
      fieldErrors: { idNumber: ["referral.errors.idNumberProblem.sexMismatch"] },
    });
    expect(await db().referral.findUniqueOrThrow({ where: { id: referralId }, select: { status: true } })).toEqual({ status: "IN_PROGRESS" });
    expect(await db().child.findUniqueOrThrow({ where: { id: child.id }, select: { idNumberHash: true } })).toEqual({ idNumberHash: null });
  });

  it("refuses an ID number already on another file in scope", async () => {
    const { director, referralId } = await unregisteredChild("430521104203");
    const other = await makeChild({ village: { code: "430521104203", name: "测试村203" }, sex: "FEMALE", dateOfBirth: "2019-05-06" });
    await expect(run(director, { referralId, version: 1, to: "RESOLVED", outcome: "已落户", idNumber: other.idNumber ?? "" })).rejects.toBeInstanceOf(DuplicateIdError);
    expect(await db().referral.findUniqueOrThrow({ where: { id: referralId }, select: { status: true } })).toEqual({ status: "IN_PROGRESS" });
  });

  it("refuses an ID number on a referral of another type", async () => {
    const referral = await makeReferral("IN_PROGRESS");
    await expect(run(actors.VILLAGE_DIRECTOR, { referralId: referral.id, version: 1, to: "RESOLVED", outcome: "好", idNumber: makeIdNumber("430521", "2019-05-06", 12, "FEMALE") })).rejects.toBeInstanceOf(ValidationError);
  });
});
