import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "@/lib/domain/dates";
import { makeIdNumber } from "@/lib/domain/id-number";
import type { RoleName } from "@/lib/domain/roles";
import { createChildSchema, updateChildSchema } from "@/lib/schemas/child";
import { parseChildSearch } from "@/lib/schemas/child-search";
import { getChildFile } from "@/lib/server/children/file";
import { listChildren } from "@/lib/server/children/queries";
import { createChild, updateChild } from "@/lib/server/children/registration";
import { listRoster } from "@/lib/server/children/roster";
import { searchChildren } from "@/lib/server/children/search";
import { db, disconnectDb } from "@/lib/server/db";
import { ValidationError } from "@/lib/server/errors";
import { householdSchema } from "@/lib/schemas/household";
import { createHousehold } from "@/lib/server/households/mutations";
import { listNotifications } from "@/lib/server/notifications/queries";
import { resolveActor, type Actor } from "@/lib/server/session";
import { setHivAccess } from "@/lib/server/users/admin-mutations";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { makeUser } from "../factories/users";
import { actorFor, openSession } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

// Village A and B share a township; O is in another county.
const A = "422801101201";
const B = "422801101202";
const O = "422802101201";
const TOWNSHIP = "422801101000";
const TODAY = todayInChina();
const DOB = `${Number(TODAY.slice(0, 4)) - 9}-06-15`;
const HIV = "HIV_AFFECTED";

let village: { code: string; name: string };
let director: Actor;
let hivDirector: Actor;
let supervisor: Actor;
let hivSupervisor: Actor;
let outsider: Actor;
let admin: Actor;
let child: { id: string };

/** A user of a second-factor role after a full login (enrolled, code passed). */
async function signedIn(role: RoleName, areaCode: string): Promise<Actor> {
  const user = await makeUser({ role, areaCode });
  await db().user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
  const sessionId = await openSession(user.id);
  await db().session.update({ where: { id: sessionId }, data: { secondFactorAt: new Date() } });
  const actor = await resolveActor(sessionId);
  if (!actor) throw new Error(`No actor for ${role} at "${areaCode}"`);
  return actor;
}

/** The permission as the administrator grants it, then the actor the next request would carry. */
async function withPermission(role: RoleName, areaCode: string): Promise<Actor> {
  const plain = await actorFor(role, areaCode);
  await db().user.update({ where: { id: plain.userId }, data: { hivAccess: true } });
  const actor = await resolveActor(plain.sessionId);
  expect(actor?.hivAccess).toBe(true);
  return actor!;
}

const HOUSEHOLD = {
  address: "3组12号",
  memberCount: "4",
  incomeSource: "MIGRANT_WORK",
  fatherStatus: "WORKING_AWAY",
  fatherWhereabouts: "广东东莞",
  motherStatus: "WORKING_AWAY",
  motherWhereabouts: "浙江义乌",
  guardianName: "李桂兰",
  guardianRelationship: "祖母",
  guardianAge: "66",
  guardianCanCare: "on",
  confirmationSigned: "on",
  confirmationSignedOn: "2025-02-01",
};

let sequence = 300;

async function childInput(actor: Actor, over: Record<string, unknown> = {}) {
  const { id: householdId } = await createHousehold(actor, householdSchema.parse({ ...HOUSEHOLD, requestId: crypto.randomUUID() }));
  sequence += 2;
  return createChildSchema.parse({
    householdId,
    requestId: crypto.randomUUID(),
    name: `林小${sequence}`,
    // Same birthday and similar names on purpose; each is a different child.
    confirmDuplicate: true,
    sex: "FEMALE",
    dateOfBirth: DOB,
    idNumber: makeIdNumber("422801", DOB, sequence, "FEMALE"),
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

function asEdit(input: Awaited<ReturnType<typeof childInput>>, childId: string, version: number, over: Record<string, unknown> = {}) {
  const { householdId: _h, confirmDuplicate: _c, requestId: _r, ...fields } = input;
  return updateChildSchema.parse({ ...fields, childId, version, idNumber: "", categories: [], ...over });
}

const activeCategories = async (childId: string) =>
  (await db().childCategory.findMany({ where: { childId, endDate: null }, select: { category: true } })).map((c) => c.category).sort();
const versionOf = async (childId: string) => (await db().child.findUniqueOrThrow({ where: { id: childId }, select: { version: true } })).version;

beforeAll(async () => {
  village = await makeVillage(A, "沙窝村民委员会");
  await makeVillage(B);
  await makeVillage(O);
  director = await actorFor("VILLAGE_DIRECTOR", A);
  hivDirector = await withPermission("VILLAGE_DIRECTOR", A);
  supervisor = await actorFor("TOWNSHIP_SUPERVISOR", TOWNSHIP);
  hivSupervisor = await withPermission("TOWNSHIP_SUPERVISOR", TOWNSHIP);
  outsider = await withPermission("VILLAGE_DIRECTOR", O);
  admin = await signedIn("SYSTEM_ADMIN", "");
  child = await makeChild({ village, name: "韩小雨", categories: [{ category: "LEFT_BEHIND" }, { category: HIV }] });
});

describe("reading HIV status needs the dedicated permission on top of scope", () => {
  it("a director or supervisor without the permission sees the child's other categories and nothing that reveals HIV status", async () => {
    for (const actor of [director, supervisor]) {
      const file = (await getChildFile(actor, child.id))!;
      expect(file.categories.map((c) => c.category)).toEqual(["LEFT_BEHIND"]);
      expect(JSON.stringify(file)).not.toContain(HIV);
      const audit = await db().auditEvent.findFirstOrThrow({ where: { actorId: actor.userId, entity: "child", entityId: child.id, action: "read" } });
      expect(audit.details).toBeNull();
    }
  });

  it("a director and a supervisor with the permission see it; the read is marked as one that could show protected categories", async () => {
    for (const actor of [hivDirector, hivSupervisor]) {
      const file = (await getChildFile(actor, child.id))!;
      expect(file.categories.map((c) => c.category).sort()).toEqual([HIV, "LEFT_BEHIND"]);
      const audit = await db().auditEvent.findFirstOrThrow({ where: { actorId: actor.userId, entity: "child", entityId: child.id, action: "read" } });
      expect(audit.details).toEqual({ protectedView: true });
    }
  });

  it("the permission does not widen scope: another county's director with it finds no such child", async () => {
    expect(await getChildFile(outsider, child.id)).toBeNull();
    expect(await db().auditEvent.count({ where: { actorId: outsider.userId, entityId: child.id, outcome: "DENIED" } })).toBe(1);
  });

  it("a printed file never carries it, even for a reader with the permission", async () => {
    const paper = (await getChildFile(hivDirector, child.id, { forPaper: true }))!;
    expect(JSON.stringify(paper)).not.toContain(HIV);
  });

  it("lists, search results and the roster never carry it, even for a reader with the permission", async () => {
    for (const actor of [hivDirector, hivSupervisor, director]) {
      expect(JSON.stringify(await listChildren(actor))).not.toContain(HIV);
      const found = await searchChildren(actor, parseChildSearch({ q: "韩小雨" }));
      expect(found.items.map((c) => c.id)).toEqual([child.id]);
      expect(JSON.stringify(found)).not.toContain(HIV);
      expect(JSON.stringify(await listRoster(actor))).not.toContain(HIV);
    }
    // No filter by it either: the parameter is dropped, so the result is the unfiltered one.
    const all = await searchChildren(hivDirector, parseChildSearch({}));
    expect((await searchChildren(hivDirector, parseChildSearch({ category: HIV }))).total).toBe(all.total);
  });
});

describe("recording HIV status needs the permission", () => {
  it("without it a registration with HIV status is refused with a field error, saves nothing and is audited DENIED", async () => {
    const input = await childInput(director, { categories: [{ category: HIV, startDate: "2025-02-01" }] });
    const error = await createChild(director, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ categories: ["registration.errors.categoryProtected"] });
    expect(await db().child.count({ where: { name: input.name } })).toBe(0);
    const denied = await db().auditEvent.findMany({ where: { actorId: director.userId, entity: "child", action: "create", outcome: "DENIED" }, select: { details: true } });
    // The reason says "permission", not which category: the audit trail must not tell who is affected.
    expect(denied).toEqual([{ details: { reason: "permission" } }]);
  });

  it("with it the director records HIV status, and the audit row does not reveal it", async () => {
    const { childId } = await createChild(hivDirector, await childInput(hivDirector, { categories: [{ category: HIV, startDate: "2025-02-01" }] }));
    expect(await activeCategories(childId)).toEqual([HIV]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entity: "child", entityId: childId, action: "create" }, select: { details: true } });
    expect(JSON.stringify(audit.details)).not.toMatch(/hiv|HIV/);
  });

  it("an edit by someone without the permission keeps an existing HIV flag, even if she sends its id to end it", async () => {
    const input = await childInput(hivDirector, { categories: [{ category: HIV, startDate: "2025-02-01" }, { category: "LEFT_BEHIND", startDate: "2025-02-01" }] });
    const { childId } = await createChild(hivDirector, input);
    const hivRow = await db().childCategory.findFirstOrThrow({ where: { childId, category: HIV }, select: { id: true } });
    await updateChild(director, asEdit(input, childId, await versionOf(childId), { schoolName: "新学校" }));
    expect(await activeCategories(childId)).toEqual([HIV, "LEFT_BEHIND"]);
    await updateChild(director, asEdit(input, childId, await versionOf(childId), { endCategories: [{ categoryId: hivRow.id, endDate: TODAY }] }));
    expect(await activeCategories(childId)).toEqual([HIV, "LEFT_BEHIND"]);
    // Her edit form, built from her file, shows nothing of it.
    expect(JSON.stringify(await getChildFile(director, childId))).not.toContain(HIV);
  });

  it("an edit adding HIV status without the permission is refused and audited DENIED; with it, it is added and can be ended", async () => {
    const input = await childInput(director);
    const { childId } = await createChild(director, input);
    const adding = asEdit(input, childId, 1, { categories: [{ category: HIV, startDate: "2025-03-01" }] });
    await expect(updateChild(director, adding)).rejects.toBeInstanceOf(ValidationError);
    expect(await db().auditEvent.count({ where: { actorId: director.userId, entity: "child", entityId: childId, action: "update", outcome: "DENIED" } })).toBe(1);
    expect(await activeCategories(childId)).toEqual(["LEFT_BEHIND"]);

    await updateChild(hivDirector, adding);
    expect(await activeCategories(childId)).toEqual([HIV, "LEFT_BEHIND"]);
    const hivRow = await db().childCategory.findFirstOrThrow({ where: { childId, category: HIV }, select: { id: true } });
    await updateChild(hivDirector, asEdit(input, childId, await versionOf(childId), { endCategories: [{ categoryId: hivRow.id, endDate: TODAY }] }));
    expect(await activeCategories(childId)).toEqual(["LEFT_BEHIND"]);
  });

  it("the urgent-report notification of a child living alone never carries it", async () => {
    const input = await childInput(hivDirector, { livingArrangement: "ALONE", categories: [{ category: HIV, startDate: "2025-02-01" }] });
    const { childAloneReportId } = await createChild(hivDirector, input);
    expect(childAloneReportId).not.toBeNull();
    const rows = await db().notification.findMany({ where: { entityId: childAloneReportId! } });
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(HIV);
    expect(JSON.stringify(await listNotifications(hivSupervisor))).not.toContain(HIV);
  });
});

describe("the permission is granted and revoked by the system administrator", () => {
  it("granting and revoking take effect at the next request and are each audited", async () => {
    const plain = await signedIn("COUNTY_OFFICER", "422801000000");
    const version = async () => (await db().user.findUniqueOrThrow({ where: { id: plain.userId }, select: { version: true } })).version;
    await setHivAccess(admin, { userId: plain.userId, version: await version(), hivAccess: true });
    expect((await resolveActor(plain.sessionId))?.hivAccess).toBe(true);
    await setHivAccess(admin, { userId: plain.userId, version: await version(), hivAccess: false });
    expect((await resolveActor(plain.sessionId))?.hivAccess).toBe(false);
    const audits = await db().auditEvent.findMany({ where: { actorId: admin.userId, entity: "user", entityId: plain.userId }, select: { action: true, details: true }, orderBy: { id: "asc" } });
    expect(audits).toEqual([
      { action: "update", details: { hivAccess: true } },
      { action: "update", details: { hivAccess: false } },
    ]);
  });

  it("is refused for a role that works with no child's file", async () => {
    const auditor = await signedIn("AUDITOR", "422801000000");
    const error = await setHivAccess(admin, { userId: auditor.userId, version: 1, hivAccess: true }).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors).toEqual({ hivAccess: ["userAdmin.errors.hivRole"] });
    expect((await db().user.findUniqueOrThrow({ where: { id: auditor.userId } })).hivAccess).toBe(false);
  });
});
