import { beforeAll, describe, expect, it } from "vitest";
import { totpCodeAt } from "@/lib/domain/totp";
import { LOGIN_IP_LIMIT, LoginThrottledError, MAX_FAILED_LOGINS, unsafeLogin } from "@/lib/server/auth/login";
import { SECOND_FACTOR_SESSION_LIMIT, verifySecondFactor } from "@/lib/server/auth/second-factor";
import { db, disconnectDb } from "@/lib/server/db";
import { closeRateLimitPool } from "@/lib/server/rate-limit";
import { resolvePendingStep } from "@/lib/server/session";
import { makeVillage } from "../factories/areas";
import { makeUser } from "../factories/users";
import { enableTestTotp, openSession, TEST_TOTP_SECRET } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);
onTestDatabaseClose(closeRateLimitPool);

// Attacks do not wait for one answer before sending the next: each test fires its attempts at once.
const VILLAGE = "411523101206";
const COUNTY = "411523000000";
const PASSWORD = "Login-races-2026";

beforeAll(async () => {
  await makeVillage(VILLAGE);
});

async function deniedReasons(where: object) {
  const rows = await db().auditEvent.findMany({ where: { action: "login", outcome: "DENIED", ...where }, select: { details: true } });
  return rows.map((r) => (r.details as { reason: string }).reason);
}

describe("the account lockout under parallel attempts", () => {
  it("twenty wrong passwords at once lock the account, and the right password is refused afterwards", async () => {
    const user = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: VILLAGE, loginName: "race-lockout", password: PASSWORD });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => unsafeLogin({ loginName: "race-lockout", password: `wrong-${i}`, ipAddress: `198.51.100.${i + 1}` })),
    );
    expect(results.every((r) => r === null)).toBe(true);
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    const reasons = await deniedReasons({ actorId: user.id });
    // Exactly five were counted before the lock; the rest arrived on a locked account.
    expect(reasons.filter((r) => r === "wrongPassword")).toHaveLength(MAX_FAILED_LOGINS);
    expect(reasons.filter((r) => r === "locked")).toHaveLength(20 - MAX_FAILED_LOGINS);

    await expect(unsafeLogin({ loginName: "race-lockout", password: PASSWORD, ipAddress: "198.51.100.99" })).resolves.toBeNull();
    expect((await deniedReasons({ actorId: user.id })).at(-1)).toBe("locked");
  });
});

describe("the per-address throttle under parallel attempts", () => {
  it("sixty attempts at once from one address: at most thirty reach the password check, the others are refused as throttled", async () => {
    const ip = "203.0.113.66";
    const attempts = 2 * LOGIN_IP_LIMIT.points;
    const settled = await Promise.allSettled(
      Array.from({ length: attempts }, (_, i) => unsafeLogin({ loginName: `race-guess-${i}`, password: "wrong-guess", ipAddress: ip })),
    );
    const throttled = settled.filter((s) => s.status === "rejected" && s.reason instanceof LoginThrottledError).length;
    const checked = settled.filter((s) => s.status === "fulfilled").length;
    expect(throttled + checked).toBe(attempts);
    expect(checked).toBeLessThanOrEqual(LOGIN_IP_LIMIT.points);
    const reasons = await deniedReasons({ details: { path: ["ip"], equals: ip } });
    expect(reasons.filter((r) => r === "throttled").length).toBeGreaterThanOrEqual(attempts - LOGIN_IP_LIMIT.points);
    expect(reasons.filter((r) => r === "unknownUser").length).toBeLessThanOrEqual(LOGIN_IP_LIMIT.points);
  });
});

describe("the second step under parallel attempts", () => {
  it("thirty wrong codes at once: at most five are checked, the account locks and the pending session is ended", async () => {
    const user = await makeUser({ role: "COUNTY_OFFICER", areaCode: COUNTY });
    await enableTestTotp(user.id);
    const sessionId = await openSession(user.id, { secondFactor: false });
    const holder = (await resolvePendingStep(sessionId))!;
    const wrong = String((Number(totpCodeAt(TEST_TOTP_SECRET, Date.now())) + 500_000) % 1_000_000).padStart(6, "0");
    const settled = await Promise.allSettled(Array.from({ length: 30 }, () => verifySecondFactor(holder, wrong)));
    expect(settled.every((s) => s.status === "rejected")).toBe(true);

    const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    await expect(resolvePendingStep(sessionId)).resolves.toBeNull();
    const reasons = await deniedReasons({ actorId: user.id });
    expect(reasons.filter((r) => r !== "tooManyCodes")).toHaveLength(SECOND_FACTOR_SESSION_LIMIT.points);
    expect(reasons.filter((r) => r === "tooManyCodes")).toHaveLength(30 - SECOND_FACTOR_SESSION_LIMIT.points);
  });

  it("a pending session is ended after five wrong codes even while the account is not locked", async () => {
    const user = await makeUser({ role: "COUNTY_OFFICER", areaCode: COUNTY });
    await enableTestTotp(user.id);
    const holder = (await resolvePendingStep(await openSession(user.id, { secondFactor: false })))!;
    // The account count is reset between codes (as an administrator's unlock would), so only the
    // session's own limit can end it: a guesser cannot keep one pending session alive past five codes.
    const wrong = String((Number(totpCodeAt(TEST_TOTP_SECRET, Date.now())) + 500_000) % 1_000_000).padStart(6, "0");
    for (let attempt = 0; attempt < SECOND_FACTOR_SESSION_LIMIT.points; attempt++) {
      await verifySecondFactor(holder, wrong).catch(() => undefined);
      await db().user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
    }
    await expect(resolvePendingStep(holder.sessionId)).resolves.toBeNull();
    await expect(verifySecondFactor(holder, totpCodeAt(TEST_TOTP_SECRET, Date.now()))).rejects.toMatchObject({ messageKey: "errors.unauthenticated" });
    expect(await db().session.count({ where: { id: holder.sessionId, secondFactorAt: { not: null } } })).toBe(0);
  });
});
