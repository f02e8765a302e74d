import crypto from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createGroupSessionAction } from "@/app/(app)/group-sessions/actions";
import { todayInChina } from "@/lib/domain/dates";
import { createGroupSessionSchema, oneYearBefore, type CreateGroupSessionInput } from "@/lib/schemas/group-session";
import { db, disconnectDb } from "@/lib/server/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { createGroupSession } from "@/lib/server/group-sessions/mutations";
import { getGroupSession, listAttendeeCandidates, listGroupSessions } from "@/lib/server/group-sessions/queries";
import type { Actor } from "@/lib/server/session";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

// The action's session gate reads cookies; here it answers with the test's signed-in director.
const signedIn = vi.hoisted(() => ({ actor: null as unknown }));
vi.mock("@/lib/auth/get-actor", () => ({ getActor: async () => signedIn.actor }));

// Villages A and B share township T1; C is in township T2 of the same county; D (for counts) in T3.
const VILLAGE = { A: "430102001001", B: "430102001002", C: "430102002001", D: "430102003001" } as const;
const TOWNSHIP_T1 = "430102001000";

let directorA: Actor;
let directorB: Actor;
let directorC: Actor;
let directorD: Actor;
let supervisor: Actor;
let county: Actor;
const kids: Record<"a1" | "a2" | "b1", { id: string }> = {} as never;

function session(overrides: Partial<CreateGroupSessionInput> = {}): CreateGroupSessionInput {
  return {
    requestId: crypto.randomUUID(),
    title: "防溺水安全课",
    topic: "INJURY_PREVENTION",
    heldOn: todayInChina(),
    place: "村委会活动室",
    facilitator: "王主任",
    childrenCount: 12,
    caregiversCount: 8,
    notes: "",
    childIds: [],
    ...overrides,
  };
}

async function sessionCount(areaCode: string) {
  return db().groupSession.count({ where: { areaCode } });
}

beforeAll(async () => {
  const village = { A: await makeVillage(VILLAGE.A), B: await makeVillage(VILLAGE.B), C: await makeVillage(VILLAGE.C) };
  kids.a1 = await makeChild({ village: village.A });
  kids.a2 = await makeChild({ village: village.A });
  kids.b1 = await makeChild({ village: village.B });
  directorA = await actorFor("VILLAGE_DIRECTOR", VILLAGE.A);
  directorB = await actorFor("VILLAGE_DIRECTOR", VILLAGE.B);
  directorC = await actorFor("VILLAGE_DIRECTOR", VILLAGE.C);
  await makeVillage(VILLAGE.D);
  directorD = await actorFor("VILLAGE_DIRECTOR", VILLAGE.D);
  supervisor = await actorFor("TOWNSHIP_SUPERVISOR", TOWNSHIP_T1);
  county = await actorFor("COUNTY_OFFICER", "430102000000");
});

describe("group sessions", () => {
  it("a director records a session in her village with the registered children who came, audited", async () => {
    const { id } = await createGroupSession(directorA, session({ childIds: [kids.a1.id, kids.a2.id] }));
    const detail = await getGroupSession(directorA, id);
    expect(detail.attendees.map((a) => a.id).sort()).toEqual([kids.a1.id, kids.a2.id].sort());
    expect(detail).toMatchObject({ childrenCount: 12, caregiversCount: 8, topic: "INJURY_PREVENTION", heldOn: todayInChina() });
    const stored = await db().groupSession.findUniqueOrThrow({ where: { id }, select: { areaCode: true } });
    expect(stored.areaCode).toBe(VILLAGE.A);
    const audit = await db().auditEvent.findMany({ where: { entity: "groupSession", entityId: id }, select: { action: true, outcome: true } });
    expect(audit).toEqual(expect.arrayContaining([{ action: "create", outcome: "SUCCESS" }]));
  });

  it("a child from another village among the attendees is not found and nothing is saved", async () => {
    const before = await sessionCount(VILLAGE.A);
    await expect(createGroupSession(directorA, session({ childIds: [kids.a1.id, kids.b1.id] }))).rejects.toBeInstanceOf(NotFoundError);
    expect(await sessionCount(VILLAGE.A)).toBe(before);
    expect(await db().groupSessionAttendee.count({ where: { childId: kids.b1.id } })).toBe(0);
    const denied = await db().auditEvent.count({ where: { entity: "groupSession", actorId: directorA.userId, outcome: "DENIED" } });
    expect(denied).toBe(1);
  });

  it("a session dated in the future or more than a year ago is refused, by the schema and by the data layer", async () => {
    const tomorrow = new Date(Date.now() + 86_400_000 * 2).toISOString().slice(0, 10);
    const before = await sessionCount(VILLAGE.C);
    expect(createGroupSessionSchema.safeParse({ ...session(), heldOn: tomorrow, childrenCount: "3", caregiversCount: "0" }).success).toBe(false);
    await expect(createGroupSession(directorC, session({ heldOn: tomorrow }))).rejects.toBeInstanceOf(ValidationError);
    const tooOld = oneYearBefore(oneYearBefore(todayInChina()));
    await expect(createGroupSession(directorC, session({ heldOn: tooOld }))).rejects.toBeInstanceOf(ValidationError);
    expect(await sessionCount(VILLAGE.C)).toBe(before);
  });

  it("fewer children attending than children ticked is refused", async () => {
    const input = session({ childrenCount: 1, childIds: [kids.a1.id, kids.a2.id] });
    const parsed = createGroupSessionSchema.safeParse({ ...input, childrenCount: "1", caregiversCount: "0" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContain("groupSession.errors.fewerThanPicked");
    const before = await sessionCount(VILLAGE.A);
    await expect(createGroupSession(directorA, input)).rejects.toBeInstanceOf(ValidationError);
    expect(await sessionCount(VILLAGE.A)).toBe(before);
  });

  it("the form's strings parse: counts as numbers, one ticked child as a list, an empty count as missing", () => {
    const parsed = createGroupSessionSchema.parse({ ...session(), childrenCount: "5", caregiversCount: "0", childIds: kids.a1.id });
    expect(parsed).toMatchObject({ childrenCount: 5, caregiversCount: 0, childIds: [kids.a1.id] });
    expect(createGroupSessionSchema.safeParse({ ...session(), childrenCount: "", caregiversCount: "0" }).success).toBe(false);
    expect(createGroupSessionSchema.safeParse({ ...session(), childrenCount: "1001", caregiversCount: "0" }).success).toBe(false);
  });

  it("a township supervisor sees her township's sessions only, and cannot open another township's", async () => {
    const inB = await createGroupSession(directorB, session({ title: "家庭教育讲座", topic: "PARENTING", childIds: [kids.b1.id], caregiversCount: 20 }));
    const inC = await createGroupSession(directorC, session({ title: "别的乡镇的活动" }));
    const list = await listGroupSessions(supervisor);
    const ids = list.sessions.map((s) => s.id);
    expect(ids).toContain(inB.id);
    expect(ids).not.toContain(inC.id);
    expect(list.sessions.every((s) => s.areaName !== "")).toBe(true);
    await expect(getGroupSession(supervisor, inC.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getGroupSession(supervisor, inB.id)).attendees).toHaveLength(1);
    expect((await listGroupSessions(county)).sessions.map((s) => s.id)).toEqual(expect.arrayContaining([inB.id, inC.id]));
  });

  it("a director's list counts this year's sessions, children and caregivers of her village only", async () => {
    const list = await listGroupSessions(directorB);
    expect(list.sessions.every((s) => s.areaName === list.sessions[0]!.areaName)).toBe(true);
    expect(list.totals).toEqual({ sessions: list.sessions.length, children: 12 * list.sessions.length, caregivers: 20 });
  });

  it("only the director records sessions, and she can tick only her village's active children", async () => {
    await expect(createGroupSession(supervisor, session())).rejects.toBeInstanceOf(ForbiddenError);
    const candidates = await listAttendeeCandidates(directorA);
    expect(candidates.map((c) => c.id).sort()).toEqual([kids.a1.id, kids.a2.id].sort());
  });
});

describe("saving the same session twice saves one session", () => {
  it("a retry with the same request id returns the first session: one session, one audit row", async () => {
    const input = session({ title: "重试的活动" });
    const first = await createGroupSession(directorD, input);
    expect(await createGroupSession(directorD, input)).toEqual(first);
    expect(await db().groupSession.count({ where: { title: "重试的活动" } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entity: "groupSession", entityId: first.id, action: "create" } })).toBe(1);
  });

  it("several submissions of one form at the same moment save one session and all get its id", async () => {
    const input = session({ title: "连点的活动" });
    const all = await Promise.all(Array.from({ length: 4 }, () => createGroupSession(directorD, input)));
    expect(new Set(all.map((s) => s.id)).size).toBe(1);
    expect(await db().groupSession.count({ where: { title: "连点的活动" } })).toBe(1);
  });

  it("the form must send a request id", () => {
    const { requestId: _omitted, ...rest } = session();
    const parsed = createGroupSessionSchema.safeParse({ ...rest, childrenCount: "3", caregiversCount: "0" });
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["requestId"]);
  });
});

describe("control characters in a session's text", () => {
  it("a session posted with a NUL byte in its title is a validation error and saves nothing", async () => {
    signedIn.actor = directorD;
    const before = await sessionCount(VILLAGE.D);
    const form = new FormData();
    for (const [key, value] of Object.entries({ ...session(), title: "安全课\u0000", childrenCount: "3", caregiversCount: "0" })) {
      if (!Array.isArray(value)) form.append(key, String(value));
    }
    const result = await createGroupSessionAction(form);
    expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { title: ["groupSession.errors.controlChars"] } } });
    expect(await sessionCount(VILLAGE.D)).toBe(before);
  });

  it("title, place, facilitator and notes refuse control characters; the notes keep a browser's line breaks", () => {
    const base = { ...session(), childrenCount: "3", caregiversCount: "0" };
    for (const field of ["title", "place", "facilitator", "notes"] as const) {
      const parsed = createGroupSessionSchema.safeParse({ ...base, [field]: "活动\u001b" });
      expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([[field, "groupSession.errors.controlChars"]]);
    }
    expect(createGroupSessionSchema.parse({ ...base, notes: "第一行\r\n第二行" }).notes).toBe("第一行\n第二行");
  });
});
