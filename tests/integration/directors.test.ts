import { beforeAll, describe, expect, it } from "vitest";
import { createDirectorSchema } from "@/lib/schemas/user";
import { unsafeLogin } from "@/lib/server/auth/login";
import { listChildren } from "@/lib/server/children/queries";
import { db, disconnectDb } from "@/lib/server/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/session";
import { resolveActor, resolvePendingStep } from "@/lib/server/session";
import { changeOwnPassword } from "@/lib/server/auth/change-password";
import { closeRateLimitPool } from "@/lib/server/rate-limit";
import { createDirector, deactivateDirector, reactivateDirector, replaceDirector, resetDirectorPassword } from "@/lib/server/users/director-mutations";
import { listVillageDirectors } from "@/lib/server/users/directors";
import { listUsers } from "@/lib/server/users/queries";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { makeUser } from "../factories/users";
import { actorFor, openSession } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);
onTestDatabaseClose(closeRateLimitPool);

// Villages A and B are in the supervisor's township; C is in the next township of the same county.
const A = "411523101201";
const B = "411523101202";
const C = "411523102201";
const TOWNSHIP = "411523101000";

let supervisor: Actor;
let village: { code: string; name: string };

beforeAll(async () => {
  village = await makeVillage(A, "东山村民委员会");
  await makeVillage(B);
  await makeVillage(C);
  supervisor = await actorFor("TOWNSHIP_SUPERVISOR", TOWNSHIP);
});

const account = (loginName: string) => ({ loginName, displayName: "李主任", phone: "" });
const versionOf = async (userId: string) => (await db().user.findUniqueOrThrow({ where: { id: userId }, select: { version: true } })).version;
const denied = (entityId?: string) =>
  db().auditEvent.count({ where: { entity: "user", outcome: "DENIED", actorId: supervisor.userId, ...(entityId ? { entityId } : {}) } });

describe("a township supervisor manages her villages' directors", () => {
  it("creates a director for a village of her township with a temporary password that works once and must be changed", async () => {
    const created = await createDirector(supervisor, { areaCode: A, ...account("dir-new-a") });
    expect(created.temporaryPassword).toMatch(/^[A-Za-z0-9]{12}$/);
    const row = await db().user.findUniqueOrThrow({ where: { id: created.userId }, select: { role: true, areaCode: true, mustChangePassword: true } });
    expect(row).toEqual({ role: "VILLAGE_DIRECTOR", areaCode: A, mustChangePassword: true });
    expect(await unsafeLogin({ loginName: "dir-new-a", password: created.temporaryPassword })).not.toBeNull();
    expect(await db().auditEvent.count({ where: { entity: "user", action: "create", entityId: created.userId, areaCode: A } })).toBe(1);
    const listed = (await listVillageDirectors(supervisor)).find((v) => v.code === A);
    expect(listed?.name).toBe("东山村");
    expect(listed?.active.map((u) => u.id)).toContain(created.userId);
  });

  it("lists every village of her township, including those without a director, and none outside", async () => {
    const codes = (await listVillageDirectors(supervisor)).map((v) => v.code);
    expect(codes).toEqual(expect.arrayContaining([A, B]));
    expect(codes).not.toContain(C);
  });

  it("refuses a login name that is taken, as a field error", async () => {
    await createDirector(supervisor, { areaCode: B, ...account("dir-taken") });
    await expect(createDirector(supervisor, { areaCode: B, ...account("dir-taken") })).rejects.toBeInstanceOf(ValidationError);
  });

  it("cannot create an account in another township or above village level, and each attempt is audited as denied", async () => {
    const before = await denied();
    await expect(createDirector(supervisor, { areaCode: C, ...account("dir-outside") })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createDirector(supervisor, { areaCode: "411523000000", ...account("dir-county") })).rejects.toBeInstanceOf(NotFoundError);
    expect(await denied()).toBe(before + 2);
    expect(await db().user.count({ where: { loginName: { in: ["dir-outside", "dir-county"] } } })).toBe(0);
  });

  it("cannot create a county officer: the form has no role and the account is always a director", () => {
    expect(createDirectorSchema.safeParse({ areaCode: A, ...account("dir-role"), role: "COUNTY_OFFICER" }).success).toBe(false);
  });

  it("cannot touch another township's director or an account of another role in her own township", async () => {
    const outside = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: C });
    const colleague = await makeUser({ role: "TOWNSHIP_SUPERVISOR", areaCode: TOWNSHIP });
    for (const target of [outside, colleague]) {
      await expect(deactivateDirector(supervisor, { userId: target.id, version: 1 })).rejects.toBeInstanceOf(NotFoundError);
      await expect(resetDirectorPassword(supervisor, { userId: target.id, version: 1 })).rejects.toBeInstanceOf(NotFoundError);
      expect(await denied(target.id)).toBe(2);
      expect((await db().user.findUniqueOrThrow({ where: { id: target.id }, select: { isActive: true } })).isActive).toBe(true);
    }
    expect((await listUsers(supervisor)).every((u) => u.role === "VILLAGE_DIRECTOR" && u.areaCode.startsWith("411523101"))).toBe(true);
  });

  it("a director or county officer cannot manage accounts at all", async () => {
    const director = await actorFor("VILLAGE_DIRECTOR", A);
    const county = await actorFor("COUNTY_OFFICER", "411523000000");
    await expect(createDirector(director, { areaCode: A, ...account("dir-by-dir") })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deactivateDirector(county, { userId: director.userId, version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("access follows the village", () => {
  it("deactivating a director ends her session at once", async () => {
    const director = await actorFor("VILLAGE_DIRECTOR", A);
    expect(await resolveActor(director.sessionId)).not.toBeNull();
    await deactivateDirector(supervisor, { userId: director.userId, version: await versionOf(director.userId) });
    expect(await resolveActor(director.sessionId)).toBeNull();
    expect(await db().session.count({ where: { userId: director.userId, revokedAt: null } })).toBe(0);
    await expect(deactivateDirector(supervisor, { userId: director.userId, version: await versionOf(director.userId) })).rejects.toBeInstanceOf(ConflictError);
  });

  it("handing the village to a new director: she sees its children, the old one is refused at once", async () => {
    const child = await makeChild({ village });
    const old = await actorFor("VILLAGE_DIRECTOR", A);
    const created = await replaceDirector(supervisor, { userId: old.userId, version: await versionOf(old.userId), ...account("dir-successor") });
    expect(await resolveActor(old.sessionId)).toBeNull();
    const first = await unsafeLogin({ loginName: "dir-successor", password: created.temporaryPassword });
    // Her temporary password buys nothing but the page to change it.
    expect(await resolveActor(first!.sessionId)).toBeNull();
    const holder = await resolvePendingStep(first!.sessionId);
    expect(holder).toMatchObject({ step: "changePassword" });
    await changeOwnPassword(holder!, { currentPassword: created.temporaryPassword, newPassword: "山里的桃花开了-2026" });
    const login = await unsafeLogin({ loginName: "dir-successor", password: "山里的桃花开了-2026" });
    const successor = await resolveActor(login!.sessionId);
    expect(successor).toMatchObject({ areaCode: A });
    expect((await listChildren(successor!)).map((c) => c.id)).toContain(child.id);
  });

  it("a password reset gives a new temporary password, ends open sessions and the old password stops working", async () => {
    const user = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: B, loginName: "dir-reset", password: "Old-password-2026" });
    const session = await openSession(user.id);
    const { temporaryPassword } = await resetDirectorPassword(supervisor, { userId: user.id, version: 1 });
    expect(await resolveActor(session)).toBeNull();
    expect(await unsafeLogin({ loginName: "dir-reset", password: "Old-password-2026" })).toBeNull();
    expect(await unsafeLogin({ loginName: "dir-reset", password: temporaryPassword })).not.toBeNull();
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { mustChangePassword: true } })).mustChangePassword).toBe(true);
  });

  it("a deactivated director can be reactivated", async () => {
    const user = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: B, isActive: false });
    await reactivateDirector(supervisor, { userId: user.id, version: 1 });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { isActive: true } })).isActive).toBe(true);
  });
});
