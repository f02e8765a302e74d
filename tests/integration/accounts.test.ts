import { beforeAll, describe, expect, it } from "vitest";
import { endAllOwnSessions } from "@/lib/server/auth/account";
import { changeOwnPassword } from "@/lib/server/auth/change-password";
import { LOGIN_IP_LIMIT, LoginThrottledError, MAX_FAILED_LOGINS, unsafeLogin } from "@/lib/server/auth/login";
import { db, disconnectDb } from "@/lib/server/db";
import { ValidationError } from "@/lib/server/errors";
import { closeRateLimitPool } from "@/lib/server/rate-limit";
import { resolveActor, resolvePendingStep, SESSION_IDLE_MINUTES } from "@/lib/server/session";
import { makeVillage } from "../factories/areas";
import { makeUser } from "../factories/users";
import { openSession } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);
onTestDatabaseClose(closeRateLimitPool);

const VILLAGE = "411523101203";
const TEMPORARY = "Temporary-pass-77";
const NEW_PASSWORD = "山里的桃花开了-2026";

beforeAll(async () => {
  await makeVillage(VILLAGE);
});

async function newDirector(loginName: string, mustChangePassword = false) {
  const user = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: VILLAGE, loginName, password: TEMPORARY });
  await db().user.update({ where: { id: user.id }, data: { mustChangePassword } });
  return user;
}

async function holderOf(sessionId: string) {
  const holder = await resolvePendingStep(sessionId);
  if (!holder) throw new Error("session did not resolve");
  return holder;
}

async function passwordAudits(userId: string) {
  return db().auditEvent.findMany({
    where: { actorId: userId, action: "update", entity: "user" },
    select: { outcome: true, details: true, entityId: true, actorRole: true },
    orderBy: { id: "asc" },
  });
}

describe("the password change forced at first login", () => {
  it("a director with a temporary password gets no actor (so no data) until she changes it, then signs in normally", async () => {
    const user = await newDirector("first-login", true);
    const login = await unsafeLogin({ loginName: "first-login", password: TEMPORARY });
    expect(login).not.toBeNull();
    await expect(resolveActor(login!.sessionId)).resolves.toBeNull();
    const holder = await holderOf(login!.sessionId);
    expect(holder.step).toBe("changePassword");

    await changeOwnPassword(holder, { currentPassword: TEMPORARY, newPassword: NEW_PASSWORD });
    // The change ended the session it was made in: she signs in again with the new password.
    await expect(resolvePendingStep(login!.sessionId)).resolves.toBeNull();
    await expect(unsafeLogin({ loginName: "first-login", password: TEMPORARY })).resolves.toBeNull();
    const again = await unsafeLogin({ loginName: "first-login", password: NEW_PASSWORD });
    expect((await resolveActor(again!.sessionId))?.userId).toBe(user.id);
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { mustChangePassword: true, passwordChangedAt: true } });
    expect(row.mustChangePassword).toBe(false);
    expect(row.passwordChangedAt).not.toBeNull();
  });

  it("a pending session is subject to the idle timeout like any other", async () => {
    const user = await newDirector("first-login-idle", true);
    const sessionId = await openSession(user.id, { lastSeenAt: new Date(Date.now() - (SESSION_IDLE_MINUTES + 1) * 60_000) });
    await expect(resolvePendingStep(sessionId)).resolves.toBeNull();
    expect((await db().session.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).not.toBeNull();
  });
});

describe("changing a password", () => {
  it("ends every session of that user, and only hers, and is audited without the password", async () => {
    const user = await newDirector("change-ends-all");
    const other = await newDirector("change-bystander");
    const sessions = [await openSession(user.id), await openSession(user.id), await openSession(user.id)];
    const bystander = await openSession(other.id);
    await changeOwnPassword(await holderOf(sessions[0]!), { currentPassword: TEMPORARY, newPassword: NEW_PASSWORD });
    for (const id of sessions) await expect(resolvePendingStep(id)).resolves.toBeNull();
    expect(await resolveActor(bystander)).not.toBeNull();
    const audits = await passwordAudits(user.id);
    expect(audits).toEqual([{ outcome: "SUCCESS", details: { field: "password", sessionsEnded: 3 }, entityId: user.id, actorRole: "VILLAGE_DIRECTOR" }]);
    expect(JSON.stringify(audits)).not.toContain(NEW_PASSWORD);
  });

  it("a wrong current password is refused, audited, and counts towards the lockout like a failed login", async () => {
    const user = await newDirector("change-wrong-current");
    const sessionId = await openSession(user.id);
    for (let attempt = 0; attempt < MAX_FAILED_LOGINS; attempt++) {
      const refused = changeOwnPassword(await holderOf(sessionId), { currentPassword: "not-the-password", newPassword: NEW_PASSWORD });
      await expect(refused).rejects.toMatchObject({ fieldErrors: { currentPassword: ["account.errors.wrongCurrentPassword"] } });
    }
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    // Locked: even the right password cannot log in now.
    await expect(unsafeLogin({ loginName: "change-wrong-current", password: TEMPORARY })).resolves.toBeNull();
    const audits = await passwordAudits(user.id);
    expect(audits).toHaveLength(MAX_FAILED_LOGINS);
    expect(audits[0]).toMatchObject({ outcome: "DENIED", details: { field: "password", reason: "wrongPassword" } });
  });

  it("a new password that breaks a rule is refused with the rules' keys, and nothing changes", async () => {
    const user = await newDirector("change-weak");
    const sessionId = await openSession(user.id);
    const holder = await holderOf(sessionId);
    await expect(changeOwnPassword(holder, { currentPassword: TEMPORARY, newPassword: "woaini1314" })).rejects.toMatchObject({
      fieldErrors: { newPassword: ["account.passwordRules.common"] },
    });
    await expect(changeOwnPassword(holder, { currentPassword: TEMPORARY, newPassword: "I-am-change-weak!" })).rejects.toBeInstanceOf(ValidationError);
    expect(await resolveActor(sessionId)).not.toBeNull();
    expect(await unsafeLogin({ loginName: "change-weak", password: TEMPORARY })).not.toBeNull();
  });
});

describe("ending all my sessions", () => {
  it("ends every session of the user at once, including the current one, and is audited", async () => {
    const user = await newDirector("end-all");
    const first = await openSession(user.id);
    const second = await openSession(user.id);
    const actor = (await resolveActor(first))!;
    expect(await endAllOwnSessions(actor)).toBe(2);
    await expect(resolveActor(first)).resolves.toBeNull();
    await expect(resolveActor(second)).resolves.toBeNull();
    const audit = await db().auditEvent.findFirstOrThrow({ where: { actorId: user.id, action: "logout" }, select: { details: true } });
    expect(audit.details).toEqual({ allSessions: true, count: 2 });
  });
});

describe("per-address login throttling", () => {
  it("after 30 failed logins from one address even a right password from it is refused and audited, while another address still works", async () => {
    await newDirector("throttle-victim");
    const attacker = "203.0.113.7";
    for (let attempt = 0; attempt < LOGIN_IP_LIMIT.points; attempt++) {
      await expect(unsafeLogin({ loginName: `guess-${attempt}`, password: "wrong-guess", ipAddress: attacker })).resolves.toBeNull();
    }
    await expect(unsafeLogin({ loginName: "throttle-victim", password: TEMPORARY, ipAddress: attacker })).rejects.toBeInstanceOf(LoginThrottledError);
    const denied = await db().auditEvent.findMany({
      where: { action: "login", outcome: "DENIED", details: { path: ["reason"], equals: "throttled" } },
      select: { details: true },
    });
    expect(denied).toEqual([{ details: { reason: "throttled", ip: attacker } }]);
    expect(await unsafeLogin({ loginName: "throttle-victim", password: TEMPORARY, ipAddress: "198.51.100.20" })).not.toBeNull();
  });

  it("successful logins do not use up an address's allowance (an office behind one address keeps working)", async () => {
    await newDirector("throttle-office");
    for (let attempt = 0; attempt < LOGIN_IP_LIMIT.points + 2; attempt++) {
      expect(await unsafeLogin({ loginName: "throttle-office", password: TEMPORARY, ipAddress: "198.51.100.30" })).not.toBeNull();
    }
  });
});
