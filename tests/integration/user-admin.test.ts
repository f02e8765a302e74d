import { beforeAll, describe, expect, it } from "vitest";
import type { RoleName } from "@/lib/domain/roles";
import { createUserSchema, updateUserSchema } from "@/lib/schemas/admin-user";
import { getChildFile } from "@/lib/server/children/file";
import { listChildren } from "@/lib/server/children/queries";
import { db, disconnectDb } from "@/lib/server/db";
import { ConflictError, ForbiddenError, NotFoundError, type ValidationError } from "@/lib/server/errors";
import { decryptField } from "@/lib/server/field-crypto";
import { resolveActor, type Actor } from "@/lib/server/session";
import { createUser } from "@/lib/server/users/admin-create";
import {
  deactivateUser,
  endUserSessions,
  reactivateUser,
  resetSecondFactor,
  resetUserPassword,
  setHivAccess,
  unlockUser,
  updateUserProfile,
} from "@/lib/server/users/admin-mutations";
import { getManagedUser, listManagedUsers, USER_PAGE_SIZE } from "@/lib/server/users/admin-queries";
import { canManageAccount } from "@/lib/server/users/admin-scope";
import { verifyPassword } from "@/lib/server/auth/passwords";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { makeUser } from "../factories/users";
import { actorFor, openSession } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

// Province 43 holds county 430121 (villages A, B); province 44 is another province.
const A = "430121101201";
const B = "430121102201";
const OTHER = "440305101201";
const PROVINCE = "430000000000";
const COUNTY = "430121000000";

let provinceAdmin: Actor;
let nationalAdmin: Actor;

/** A user after a full login (second factor enrolled and passed, as the roles that need one must). */
async function signedIn(role: RoleName, areaCode: string): Promise<Actor> {
  const user = await makeUser({ role, areaCode });
  await db().user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date(), totpSecret: "secret-for-test" } });
  const sessionId = await openSession(user.id);
  await db().session.update({ where: { id: sessionId }, data: { secondFactorAt: new Date() } });
  const actor = await resolveActor(sessionId);
  if (!actor) throw new Error(`No actor for ${role} at "${areaCode}"`);
  return actor;
}

const versionOf = async (userId: string) => (await db().user.findUniqueOrThrow({ where: { id: userId }, select: { version: true } })).version;
const ref = async (userId: string) => ({ userId, version: await versionOf(userId) });
const liveSessions = (userId: string) => db().session.count({ where: { userId, revokedAt: null } });
const audits = (actor: Actor, entityId: string) =>
  db().auditEvent.findMany({ where: { actorId: actor.userId, entity: "user", entityId }, select: { action: true, outcome: true, details: true }, orderBy: { id: "asc" } });
const input = (over: Record<string, unknown>) => createUserSchema.parse({ loginName: `u${Math.random().toString(36).slice(2, 10)}`, displayName: "周科长", phone: "", ...over });

beforeAll(async () => {
  await makeVillage(A);
  await makeVillage(B);
  await makeVillage(OTHER);
  provinceAdmin = await signedIn("SYSTEM_ADMIN", PROVINCE);
  nationalAdmin = await signedIn("SYSTEM_ADMIN", "");
});

describe("creating accounts", () => {
  it("creates a county officer at a county of her province with a temporary password that must be changed", async () => {
    const created = await createUser(provinceAdmin, input({ loginName: "county-zhou", role: "COUNTY_OFFICER", areaCode: COUNTY, phone: "13800138000" }));
    expect(created.temporaryPassword).toMatch(/^[A-Za-z0-9]{12}$/);
    const row = await db().user.findUniqueOrThrow({ where: { id: created.userId }, select: { role: true, areaCode: true, mustChangePassword: true, phone: true, passwordHash: true } });
    expect(row).toMatchObject({ role: "COUNTY_OFFICER", areaCode: COUNTY, mustChangePassword: true });
    expect(await verifyPassword(row.passwordHash, created.temporaryPassword)).toBe(true);
    expect(row.phone).not.toContain("13800138000");
    expect(decryptField(row.phone!)).toBe("13800138000");
    const [audit] = await audits(provinceAdmin, created.userId);
    expect(audit).toEqual({ action: "create", outcome: "SUCCESS", details: { role: "COUNTY_OFFICER", loginName: "county-zhou", areaCode: COUNTY } });
    expect(JSON.stringify(audit)).not.toContain(created.temporaryPassword);
  });

  it("refuses an area of the wrong level for the role, and an area not on file", async () => {
    for (const wrong of [
      { role: "COUNTY_OFFICER", areaCode: A },
      { role: "VILLAGE_DIRECTOR", areaCode: COUNTY },
      { role: "VILLAGE_DIRECTOR", areaCode: "430121101299" },
      { role: "MINISTRY_OFFICER", areaCode: PROVINCE },
    ]) {
      const error = await createUser(provinceAdmin, input(wrong)).catch((e: unknown) => e);
      expect((error as ValidationError).fieldErrors).toEqual({ areaCode: ["userAdmin.errors.area"] });
    }
  });

  it("refuses an area outside her province, and a national role, with the same answer, audited DENIED", async () => {
    for (const outside of [
      { role: "VILLAGE_DIRECTOR", areaCode: OTHER },
      { role: "MINISTRY_OFFICER", areaCode: "" },
      { role: "SYSTEM_ADMIN", areaCode: "" },
    ]) {
      const error = await createUser(provinceAdmin, input(outside)).catch((e: unknown) => e);
      expect((error as ValidationError).fieldErrors).toEqual({ areaCode: ["userAdmin.errors.area"] });
    }
    expect(await db().user.count({ where: { areaCode: OTHER } })).toBe(0);
    expect(await db().auditEvent.count({ where: { actorId: provinceAdmin.userId, entity: "user", action: "create", outcome: "DENIED" } })).toBe(3);
  });

  it("lets a national administrator create a ministry officer", async () => {
    const created = await createUser(nationalAdmin, input({ role: "MINISTRY_OFFICER", areaCode: "" }));
    expect((await db().user.findUniqueOrThrow({ where: { id: created.userId } })).areaCode).toBe("");
  });

  it("refuses a login name already taken as a field error", async () => {
    await createUser(provinceAdmin, input({ loginName: "taken-name", role: "VILLAGE_DIRECTOR", areaCode: A }));
    const error = await createUser(provinceAdmin, input({ loginName: "taken-name", role: "VILLAGE_DIRECTOR", areaCode: B })).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors).toEqual({ loginName: ["userAdmin.errors.loginTaken"] });
  });

  it("is the system administrator's alone: a township supervisor is refused and audited DENIED", async () => {
    const supervisor = await actorFor("TOWNSHIP_SUPERVISOR", "430121101000");
    await expect(createUser(supervisor, input({ role: "VILLAGE_DIRECTOR", areaCode: A }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listManagedUsers(supervisor)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().auditEvent.count({ where: { actorId: supervisor.userId, outcome: "DENIED" } })).toBe(2);
  });
});

describe("listing accounts", () => {
  it("lists her province's accounts only, with role, area, flags and last login; a national admin sees everyone", async () => {
    const inside = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: A, displayName: "罗列村主任" });
    const outside = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: OTHER, displayName: "罗列外省" });
    await openSession(inside.id);
    const mine = await listManagedUsers(provinceAdmin, { q: "罗列" });
    expect(mine.users.map((u) => u.id)).toEqual([inside.id]);
    expect(mine.users[0]).toMatchObject({ role: "VILLAGE_DIRECTOR", areaCode: A, isActive: true, isLocked: false, hasSecondFactor: false, hivAccess: false });
    expect(mine.users[0]!.areaName).toBe("测试村201");
    expect(mine.users[0]!.lastLoginAt).not.toBeNull();
    expect(JSON.stringify(mine)).not.toMatch(/passwordHash|totpSecret/);
    const all = await listManagedUsers(nationalAdmin, { q: "罗列" });
    expect(all.users.map((u) => u.id).sort()).toEqual([inside.id, outside.id].sort());
  });

  it("searches by login name, filters by role and active, and pages by 50", async () => {
    for (let i = 0; i < USER_PAGE_SIZE + 2; i++) await makeUser({ role: "TOWNSHIP_SUPERVISOR", areaCode: "430121101000", loginName: `pager-${String(i).padStart(3, "0")}` });
    await makeUser({ role: "TOWNSHIP_SUPERVISOR", areaCode: "430121101000", loginName: "pager-gone", isActive: false });
    const first = await listManagedUsers(provinceAdmin, { q: "PAGER-", role: "TOWNSHIP_SUPERVISOR", active: "yes" });
    expect(first.users).toHaveLength(USER_PAGE_SIZE);
    expect(first.total).toBe(USER_PAGE_SIZE + 2);
    expect(first.pageCount).toBe(2);
    expect((await listManagedUsers(provinceAdmin, { q: "pager-", active: "yes", page: 2 })).users.map((u) => u.loginName)).toEqual(["pager-050", "pager-051"]);
    expect((await listManagedUsers(provinceAdmin, { q: "pager-", active: "no" })).users.map((u) => u.loginName)).toEqual(["pager-gone"]);
    expect((await listManagedUsers(provinceAdmin, { q: "pager-", role: "COUNTY_OFFICER" })).total).toBe(0);
  });

  it("reads one account of her province; another province's account is not found and the attempt audited", async () => {
    const inside = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: A });
    const outside = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: OTHER });
    expect((await getManagedUser(provinceAdmin, inside.id)).loginName).toBe(inside.loginName);
    await expect(getManagedUser(provinceAdmin, outside.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await audits(provinceAdmin, outside.id)).toEqual([{ action: "read", outcome: "DENIED", details: null }]);
  });
});

describe("changing an account", () => {
  it("edits name and phone on the version read; a stale edit is a conflict; the audit says what changed, not the values", async () => {
    const user = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: A, displayName: "旧名字" });
    await updateUserProfile(provinceAdmin, updateUserSchema.parse({ ...(await ref(user.id)), displayName: "新名字", phone: "13900139000" }));
    await expect(updateUserProfile(provinceAdmin, updateUserSchema.parse({ userId: user.id, version: 1, displayName: "又一个", phone: "" }))).rejects.toBeInstanceOf(ConflictError);
    const row = await getManagedUser(provinceAdmin, user.id);
    expect(row).toMatchObject({ displayName: "新名字", phone: "13900139000", version: 2 });
    const [audit] = await audits(provinceAdmin, user.id);
    expect(audit).toEqual({ action: "update", outcome: "SUCCESS", details: { displayName: true, phone: true } });
  });

  it("deactivates (ending every session) and reactivates, each audited", async () => {
    const user = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: A });
    const session = await openSession(user.id);
    expect(await resolveActor(session)).not.toBeNull();
    await deactivateUser(provinceAdmin, await ref(user.id));
    expect(await resolveActor(session)).toBeNull();
    expect(await liveSessions(user.id)).toBe(0);
    await reactivateUser(provinceAdmin, await ref(user.id));
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).isActive).toBe(true);
    expect((await audits(provinceAdmin, user.id)).map((a) => [a.action, a.details])).toEqual([
      ["close", { isActive: false, sessions: "ended" }],
      ["update", { isActive: true }],
    ]);
  });

  it("resets the password: a new temporary one that must be changed, all sessions ended, no password in the audit", async () => {
    const officer = await signedIn("COUNTY_OFFICER", COUNTY);
    const user = { id: officer.userId };
    expect(await liveSessions(user.id)).toBe(1);
    const { temporaryPassword } = await resetUserPassword(provinceAdmin, await ref(user.id));
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, mustChangePassword: true } });
    expect(row.mustChangePassword).toBe(true);
    expect(await verifyPassword(row.passwordHash, temporaryPassword)).toBe(true);
    // Revoked, not merely waiting for the password change: the session row itself has ended.
    expect(await liveSessions(user.id)).toBe(0);
    expect(await resolveActor(officer.sessionId)).toBeNull();
    const [audit] = await audits(provinceAdmin, user.id);
    expect(audit!.details).toEqual({ passwordReset: true, sessions: "ended" });
    expect(JSON.stringify(audit)).not.toContain(temporaryPassword);
  });

  it("ends all sessions of an account", async () => {
    const user = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: A });
    const sessions = [await openSession(user.id), await openSession(user.id)];
    for (const s of sessions) expect(await resolveActor(s)).not.toBeNull();
    await endUserSessions(provinceAdmin, await ref(user.id));
    for (const s of sessions) expect(await resolveActor(s)).toBeNull();
    expect((await audits(provinceAdmin, user.id))[0]!.details).toEqual({ sessions: "ended" });
  });

  it("resets the second factor: secret, enrolment and recovery codes gone, sessions ended, no secret in the audit", async () => {
    const officer = await signedIn("COUNTY_OFFICER", COUNTY);
    await db().recoveryCode.create({ data: { userId: officer.userId, codeHash: "hash" } });
    expect(await liveSessions(officer.userId)).toBe(1);
    await resetSecondFactor(provinceAdmin, await ref(officer.userId));
    const row = await db().user.findUniqueOrThrow({ where: { id: officer.userId }, select: { totpSecret: true, totpEnabledAt: true } });
    expect(row).toEqual({ totpSecret: null, totpEnabledAt: null });
    expect(await db().recoveryCode.count({ where: { userId: officer.userId } })).toBe(0);
    expect(await liveSessions(officer.userId)).toBe(0);
    const [audit] = await audits(provinceAdmin, officer.userId);
    expect(audit!.details).toEqual({ secondFactor: "reset", sessions: "ended" });
    expect(JSON.stringify(audit)).not.toContain("secret-for-test");
  });

  it("unlocks an account locked after wrong passwords", async () => {
    const user = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: A });
    await db().user.update({ where: { id: user.id }, data: { failedLoginCount: 5, lockedUntil: new Date(Date.now() + 15 * 60_000) } });
    expect((await getManagedUser(provinceAdmin, user.id)).isLocked).toBe(true);
    await unlockUser(provinceAdmin, await ref(user.id));
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { failedLoginCount: true, lockedUntil: true } })).toEqual({ failedLoginCount: 0, lockedUntil: null });
    expect((await audits(provinceAdmin, user.id)).at(-1)!.details).toEqual({ unlocked: true });
  });

  it("grants the HIV-status permission to a director and revokes it, each audited", async () => {
    const user = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: A });
    await setHivAccess(provinceAdmin, { ...(await ref(user.id)), hivAccess: true });
    expect((await getManagedUser(provinceAdmin, user.id)).hivAccess).toBe(true);
    await setHivAccess(provinceAdmin, { ...(await ref(user.id)), hivAccess: false });
    expect((await getManagedUser(provinceAdmin, user.id)).hivAccess).toBe(false);
    expect((await audits(provinceAdmin, user.id)).filter((a) => a.action === "update").map((a) => a.details)).toEqual([{ hivAccess: true }, { hivAccess: false }]);
  });

  it("treats another province's account as not found for every change, audited DENIED, and changes nothing", async () => {
    const outside = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: OTHER });
    const session = await openSession(outside.id);
    const r = { userId: outside.id, version: 1 };
    const attempts = [
      () => updateUserProfile(provinceAdmin, { ...r, displayName: "改名", phone: "" }),
      () => deactivateUser(provinceAdmin, r),
      () => reactivateUser(provinceAdmin, r),
      () => resetUserPassword(provinceAdmin, r),
      () => endUserSessions(provinceAdmin, r),
      () => resetSecondFactor(provinceAdmin, r),
      () => unlockUser(provinceAdmin, r),
      () => setHivAccess(provinceAdmin, { ...r, hivAccess: true }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toBeInstanceOf(NotFoundError);
    const row = await db().user.findUniqueOrThrow({ where: { id: outside.id } });
    expect(row).toMatchObject({ version: 1, isActive: true, hivAccess: false, mustChangePassword: false });
    expect(await resolveActor(session)).not.toBeNull();
    const denied = await audits(provinceAdmin, outside.id);
    expect(denied).toHaveLength(attempts.length);
    expect(denied.every((a) => a.outcome === "DENIED")).toBe(true);
  });
});

describe("an administrator's limits", () => {
  it("cannot change her own account here (not found, audited DENIED), and the edit form takes no role, so she cannot demote herself", async () => {
    const self = await signedIn("SYSTEM_ADMIN", PROVINCE);
    await expect(deactivateUser(self, await ref(self.userId))).rejects.toBeInstanceOf(NotFoundError);
    await expect(resetUserPassword(self, await ref(self.userId))).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().user.findUniqueOrThrow({ where: { id: self.userId }, select: { isActive: true, version: true } })).toEqual({ isActive: true, version: 1 });
    expect(await audits(self, self.userId)).toEqual([
      { action: "close", outcome: "DENIED", details: null },
      { action: "update", outcome: "DENIED", details: null },
    ]);
    expect((await getManagedUser(self, self.userId)).manageable).toBe(false);
    expect(updateUserSchema.safeParse({ ...(await ref(self.userId)), displayName: "我", phone: "", role: "VILLAGE_DIRECTOR" }).success).toBe(false);
    expect(updateUserSchema.safeParse({ ...(await ref(self.userId)), displayName: "我", phone: "", areaCode: "" }).success).toBe(false);
  });

  it("follows one rule for whose account she may create or change", async () => {
    const at = (scope: string) => ({ userId: "00000000-0000-4000-8000-000000000001", scopePrefix: scope }) as Actor;
    const table: [string, RoleName, string, boolean][] = [
      // actor scope, target role, target area, may manage
      ["", "SYSTEM_ADMIN", PROVINCE, true],
      ["", "AUDITOR", PROVINCE, true],
      ["", "SYSTEM_ADMIN", "", false],
      ["", "AUDITOR", "000000000000", false],
      ["", "MINISTRY_OFFICER", "", true],
      ["43", "SYSTEM_ADMIN", COUNTY, true],
      ["43", "AUDITOR", "430100000000", true],
      ["43", "SYSTEM_ADMIN", PROVINCE, false],
      ["43", "AUDITOR", PROVINCE, false],
      ["43", "AUDITOR", "", false],
      ["43", "SYSTEM_ADMIN", "440100000000", false],
      ["43", "PROVINCE_OFFICER", PROVINCE, true],
      ["43", "COUNTY_OFFICER", COUNTY, true],
      ["43", "VILLAGE_DIRECTOR", A, true],
      ["43", "VILLAGE_DIRECTOR", OTHER, false],
      ["43", "MINISTRY_OFFICER", "", false],
      ["430121", "SYSTEM_ADMIN", COUNTY, false],
      ["430121", "AUDITOR", COUNTY, false],
      ["430121", "TOWNSHIP_SUPERVISOR", "430121101000", true],
      ["430121", "COUNTY_OFFICER", COUNTY, true],
    ];
    for (const [scope, role, areaCode, expected] of table) {
      expect([scope, role, areaCode, canManageAccount(at(scope), { role, areaCode })]).toEqual([scope, role, areaCode, expected]);
    }
    const actor = at("43");
    expect(canManageAccount(actor, { id: actor.userId, role: "VILLAGE_DIRECTOR", areaCode: A })).toBe(false);
  });

  it("cannot take over a peer administrator or auditor: every change is not found, audited DENIED, and changes nothing", async () => {
    const peers = [await signedIn("SYSTEM_ADMIN", PROVINCE), await signedIn("AUDITOR", PROVINCE), await signedIn("AUDITOR", "")];
    for (const peer of peers) {
      const r = await ref(peer.userId);
      const attempts = [
        () => updateUserProfile(provinceAdmin, { ...r, displayName: "改名", phone: "" }),
        () => deactivateUser(provinceAdmin, r),
        () => reactivateUser(provinceAdmin, r),
        () => resetUserPassword(provinceAdmin, r),
        () => endUserSessions(provinceAdmin, r),
        () => resetSecondFactor(provinceAdmin, r),
        () => unlockUser(provinceAdmin, r),
        () => setHivAccess(provinceAdmin, { ...r, hivAccess: false }),
      ];
      for (const attempt of attempts) await expect(attempt()).rejects.toBeInstanceOf(NotFoundError);
      const row = await db().user.findUniqueOrThrow({ where: { id: peer.userId }, select: { version: true, isActive: true, totpEnabledAt: true, mustChangePassword: true } });
      expect(row).toMatchObject({ version: 1, isActive: true, mustChangePassword: false });
      expect(row.totpEnabledAt).not.toBeNull();
      expect(await resolveActor(peer.sessionId)).not.toBeNull();
      const denied = await audits(provinceAdmin, peer.userId);
      expect(denied.map((a) => [a.action, a.outcome])).toEqual(attempts.map((_, i) => [i === 1 ? "close" : "update", "DENIED"]));
    }
    const peerAdmin = await getManagedUser(provinceAdmin, peers[0]!.userId);
    expect(peerAdmin.manageable).toBe(false);
  });

  it("creates administrators and auditors only below her level, refused ones audited DENIED", async () => {
    const county = await createUser(provinceAdmin, input({ role: "SYSTEM_ADMIN", areaCode: COUNTY }));
    expect((await getManagedUser(provinceAdmin, county.userId)).manageable).toBe(true);
    const province = await createUser(nationalAdmin, input({ role: "AUDITOR", areaCode: PROVINCE }));
    expect((await getManagedUser(nationalAdmin, province.userId)).manageable).toBe(true);
    const before = await db().auditEvent.count({ where: { actorId: provinceAdmin.userId, action: "create", outcome: "DENIED" } });
    for (const peer of [{ role: "SYSTEM_ADMIN", areaCode: PROVINCE, loginName: "peer-admin" }, { role: "AUDITOR", areaCode: PROVINCE, loginName: "peer-auditor" }]) {
      const error = await createUser(provinceAdmin, input(peer)).catch((e: unknown) => e);
      expect((error as ValidationError).fieldErrors).toEqual({ areaCode: ["userAdmin.errors.area"] });
    }
    expect(await db().auditEvent.count({ where: { actorId: provinceAdmin.userId, action: "create", outcome: "DENIED" } })).toBe(before + 2);
    expect(await db().user.count({ where: { loginName: { in: ["peer-admin", "peer-auditor"] } } })).toBe(0);
  });

  it("a refused HIV grant to an auditor leaves one committed DENIED row", async () => {
    const auditor = await makeUser({ role: "AUDITOR", areaCode: COUNTY });
    const error = await setHivAccess(provinceAdmin, { ...(await ref(auditor.id)), hivAccess: true }).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors).toEqual({ hivAccess: ["userAdmin.errors.hivRole"] });
    expect(await db().user.findUniqueOrThrow({ where: { id: auditor.id }, select: { hivAccess: true, version: true } })).toEqual({ hivAccess: false, version: 1 });
    const rows = await db().auditEvent.findMany({ where: { actorId: provinceAdmin.userId, entityId: auditor.id }, select: { action: true, entity: true, outcome: true, areaCode: true, details: true } });
    expect(rows).toEqual([{ action: "update", entity: "user", outcome: "DENIED", areaCode: COUNTY, details: { hivAccess: true } }]);
  });

  it("a non-administrator's deactivation leaves exactly one DENIED row", async () => {
    const supervisor = await actorFor("TOWNSHIP_SUPERVISOR", "430121102000");
    const user = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: B });
    await expect(deactivateUser(supervisor, await ref(user.id))).rejects.toBeInstanceOf(ForbiddenError);
    const rows = await db().auditEvent.findMany({ where: { actorId: supervisor.userId }, select: { action: true, entity: true, entityId: true, outcome: true } });
    expect(rows).toEqual([{ action: "close", entity: "user", entityId: user.id, outcome: "DENIED" }]);
  });

  it("reads no case data: listing children or opening a child's file is refused", async () => {
    const village = await makeVillage(A);
    const child = await makeChild({ village });
    await expect(listChildren(provinceAdmin)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getChildFile(provinceAdmin, child.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listChildren(nationalAdmin)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
