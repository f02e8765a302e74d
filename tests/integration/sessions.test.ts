import { beforeAll, describe, expect, it } from "vitest";
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS, unsafeEndSession, unsafeLogin } from "@/lib/server/auth/login";
import { db, disconnectDb } from "@/lib/server/db";
import { closeRateLimitPool } from "@/lib/server/rate-limit";
import { resolveActor, SESSION_IDLE_MINUTES } from "@/lib/server/session";
import { makeVillage } from "../factories/areas";
import { makeUser } from "../factories/users";
import { openSession } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);
onTestDatabaseClose(closeRateLimitPool);

const VILLAGE = "411523101201";
// One password for every account here: each makeUser with a password costs an argon2 hash.
const PASSWORD = "Sessions-test-2026";
const WRONG = "not-the-password";

beforeAll(async () => {
  await makeVillage(VILLAGE);
});

function director(loginName: string, extra: { isActive?: boolean } = {}) {
  return makeUser({ role: "VILLAGE_DIRECTOR", areaCode: VILLAGE, loginName, password: PASSWORD, ...extra });
}

async function loginEvents(userId: string | null, since: bigint = 0n) {
  return db().auditEvent.findMany({
    where: { action: "login", entity: "session", actorId: userId, id: { gt: since } },
    select: { outcome: true, details: true, entityId: true },
    orderBy: { id: "asc" },
  });
}

async function lastAuditId(): Promise<bigint> {
  const last = await db().auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0n;
}

describe("logging in", () => {
  it("the right password opens a session that resolves to the user, and the login is audited", async () => {
    const user = await director("login-ok");
    const result = await unsafeLogin({ loginName: "login-ok", password: PASSWORD });
    expect(result?.userId).toBe(user.id);
    const actor = await resolveActor(result!.sessionId);
    expect(actor).toMatchObject({ userId: user.id, role: "VILLAGE_DIRECTOR", areaCode: VILLAGE, scopePrefix: VILLAGE });
    expect(await loginEvents(user.id)).toEqual([{ outcome: "SUCCESS", details: { ip: null }, entityId: result!.sessionId }]);
  });

  it("a wrong password returns null and writes a denied login audit row", async () => {
    const user = await director("login-wrong");
    await expect(unsafeLogin({ loginName: "login-wrong", password: WRONG })).resolves.toBeNull();
    expect(await loginEvents(user.id)).toEqual([
      { outcome: "DENIED", details: { reason: "wrongPassword", ip: null }, entityId: null },
    ]);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("five wrong passwords lock the account, after which even the right password is refused", async () => {
    const user = await director("login-lock");
    for (let attempt = 1; attempt < MAX_FAILED_LOGINS; attempt++) {
      await expect(unsafeLogin({ loginName: "login-lock", password: WRONG })).resolves.toBeNull();
    }
    const unlocked = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true } });
    expect(unlocked.lockedUntil).toBeNull();

    const before = Date.now();
    await expect(unsafeLogin({ loginName: "login-lock", password: WRONG })).resolves.toBeNull();
    const { lockedUntil } = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true } });
    expect(lockedUntil!.getTime()).toBeGreaterThanOrEqual(before + LOCKOUT_MINUTES * 60_000 - 1_000);
    expect(lockedUntil!.getTime()).toBeLessThanOrEqual(Date.now() + LOCKOUT_MINUTES * 60_000);

    const since = await lastAuditId();
    await expect(unsafeLogin({ loginName: "login-lock", password: PASSWORD })).resolves.toBeNull();
    expect(await loginEvents(user.id, since)).toEqual([{ outcome: "DENIED", details: { reason: "locked", ip: null }, entityId: null }]);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("the lock lifts once its fifteen minutes are over", async () => {
    const user = await director("login-unlock");
    for (let attempt = 0; attempt < MAX_FAILED_LOGINS; attempt++) await unsafeLogin({ loginName: "login-unlock", password: WRONG });
    await db().user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1_000) } });
    const result = await unsafeLogin({ loginName: "login-unlock", password: PASSWORD });
    expect(result?.userId).toBe(user.id);
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true, failedLoginCount: true } })).toEqual({
      lockedUntil: null,
      failedLoginCount: 0,
    });
  });

  it("a successful login resets the count of wrong passwords, so failures must be consecutive to lock", async () => {
    const user = await director("login-reset");
    for (let attempt = 1; attempt < MAX_FAILED_LOGINS; attempt++) await unsafeLogin({ loginName: "login-reset", password: WRONG });
    expect(await unsafeLogin({ loginName: "login-reset", password: PASSWORD })).not.toBeNull();
    await unsafeLogin({ loginName: "login-reset", password: WRONG });
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true, failedLoginCount: true } })).toEqual({
      lockedUntil: null,
      failedLoginCount: 1,
    });
  });

  it("an inactive user is refused even with the right password", async () => {
    const user = await director("login-inactive", { isActive: false });
    await expect(unsafeLogin({ loginName: "login-inactive", password: PASSWORD })).resolves.toBeNull();
    expect(await loginEvents(user.id)).toEqual([{ outcome: "DENIED", details: { reason: "inactive", ip: null }, entityId: null }]);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("an unknown login name is refused and audited without an actor", async () => {
    const since = await lastAuditId();
    await expect(unsafeLogin({ loginName: "nobody-here", password: PASSWORD })).resolves.toBeNull();
    expect(await loginEvents(null, since)).toEqual([{ outcome: "DENIED", details: { reason: "unknownUser", ip: null }, entityId: null }]);
  });
});

describe("a session resolves to an actor only while it is live", () => {
  it("ending a session makes it stop resolving at once", async () => {
    await director("logout");
    const result = await unsafeLogin({ loginName: "logout", password: PASSWORD });
    expect(await resolveActor(result!.sessionId)).not.toBeNull();
    await unsafeEndSession(result!.sessionId);
    await expect(resolveActor(result!.sessionId)).resolves.toBeNull();
    const audited = await db().auditEvent.count({ where: { action: "logout", entityId: result!.sessionId } });
    expect(audited).toBe(1);
    // A second logout is harmless and not audited twice.
    await unsafeEndSession(result!.sessionId);
    expect(await db().auditEvent.count({ where: { action: "logout", entityId: result!.sessionId } })).toBe(1);
  });

  it("a deactivated user's existing session stops resolving", async () => {
    const user = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: VILLAGE });
    const sessionId = await openSession(user.id);
    expect(await resolveActor(sessionId)).not.toBeNull();
    await db().user.update({ where: { id: user.id }, data: { isActive: false } });
    await expect(resolveActor(sessionId)).resolves.toBeNull();
  });

  it("an expired session does not resolve", async () => {
    const user = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: VILLAGE });
    const sessionId = await openSession(user.id, { expiresAt: new Date(Date.now() - 1_000) });
    await expect(resolveActor(sessionId)).resolves.toBeNull();
  });

  it("a session idle for more than thirty minutes does not resolve, and is revoked", async () => {
    const user = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: VILLAGE });
    const sessionId = await openSession(user.id, { lastSeenAt: new Date(Date.now() - (SESSION_IDLE_MINUTES + 1) * 60_000) });
    await expect(resolveActor(sessionId)).resolves.toBeNull();
    const row = await db().session.findUniqueOrThrow({ where: { id: sessionId }, select: { revokedAt: true } });
    expect(row.revokedAt).not.toBeNull();
  });

  it("a session last seen a little under thirty minutes ago still resolves, and is touched", async () => {
    const user = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: VILLAGE });
    const lastSeenAt = new Date(Date.now() - (SESSION_IDLE_MINUTES - 1) * 60_000);
    const sessionId = await openSession(user.id, { lastSeenAt });
    expect((await resolveActor(sessionId))?.userId).toBe(user.id);
    const row = await db().session.findUniqueOrThrow({ where: { id: sessionId }, select: { lastSeenAt: true } });
    expect(row.lastSeenAt.getTime()).toBeGreaterThan(lastSeenAt.getTime());
  });

  it("a missing, malformed or unknown session id does not resolve", async () => {
    await expect(resolveActor(undefined)).resolves.toBeNull();
    await expect(resolveActor("not-a-session")).resolves.toBeNull();
    await expect(resolveActor(crypto.randomUUID())).resolves.toBeNull();
  });

  it("a session id of the right length that is not a UUID does not resolve (and does not reach the database as one)", async () => {
    await expect(resolveActor("-".repeat(36))).resolves.toBeNull();
    await expect(resolveActor("0123456789abcdef0123456789abcdef0123")).resolves.toBeNull();
  });

  it("a user whose area does not fit her role gets no actor", async () => {
    const user = await makeUser({ role: "TOWNSHIP_SUPERVISOR", areaCode: VILLAGE });
    await expect(resolveActor(await openSession(user.id))).resolves.toBeNull();
  });
});
