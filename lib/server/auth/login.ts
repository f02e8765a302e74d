import "server-only";
import { isUuid } from "@/lib/domain/ids";
import { db } from "../db";
import { writeAnonymousAudit } from "../audit";
import { consumePoint, usedPoints, type LimitSpec } from "../rate-limit";
import { SESSION_ABSOLUTE_HOURS } from "../session";
import { countFailure } from "./failures";
import { verifyPassword } from "./passwords";

export { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from "./failures";

/**
 * Per-IP throttle on failed logins, checked before the password: it slows guessing across many accounts,
 * which the per-account lockout cannot. Only failures count, so a village office behind one address is
 * not shut out by its own successful logins. The address is the first X-Forwarded-For hop (see security.md).
 */
export const LOGIN_IP_LIMIT: LimitSpec = { name: "login-ip", points: 30, durationSeconds: 15 * 60 };

export class LoginThrottledError extends Error {
  constructor() {
    super("throttled");
  }
}

export type LoginAttempt = { loginName: string; password: string; ipAddress?: string; userAgent?: string; requestId?: string };

/**
 * Checks a login and opens a server-side session (which may still owe steps: lib/server/session.ts).
 * Unscoped by nature (there is no actor yet). Unknown user, wrong password, locked and inactive accounts all
 * return null, in the same time; too many failures from one address throw LoginThrottledError.
 */
export async function unsafeLogin(attempt: LoginAttempt): Promise<{ sessionId: string; userId: string } | null> {
  const now = new Date();
  const ipKey = attempt.ipAddress || "unknown";
  if ((await usedPoints(LOGIN_IP_LIMIT, ipKey)) >= LOGIN_IP_LIMIT.points) {
    await db().$transaction((tx) =>
      writeAnonymousAudit(tx, {
        action: "login",
        entity: "session",
        outcome: "DENIED",
        requestId: attempt.requestId,
        details: { reason: "throttled", ip: attempt.ipAddress ?? null },
      }),
    );
    throw new LoginThrottledError();
  }
  const user = await db().user.findUnique({
    where: { loginName: attempt.loginName },
    select: { id: true, passwordHash: true, isActive: true, lockedUntil: true, failedLoginCount: true, areaCode: true },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, attempt.password);
  const locked = !!user?.lockedUntil && user.lockedUntil > now;
  const audit = { entity: "session" as const, requestId: attempt.requestId, actorId: user?.id ?? null, areaCode: user?.areaCode };

  if (!user || !passwordOk || locked || !user.isActive) {
    await consumePoint(LOGIN_IP_LIMIT, ipKey);
    await db().$transaction(async (tx) => {
      if (user && !locked && !passwordOk) await countFailure(tx, user, now);
      const reason = !user ? "unknownUser" : locked ? "locked" : !user.isActive ? "inactive" : "wrongPassword";
      await writeAnonymousAudit(tx, { ...audit, action: "login", outcome: "DENIED", details: { reason, ip: attempt.ipAddress ?? null } });
    });
    return null;
  }

  return db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
    const session = await tx.session.create({
      data: {
        userId: user.id,
        expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_HOURS * 3_600_000),
        ipAddress: attempt.ipAddress,
        userAgent: attempt.userAgent?.slice(0, 300),
      },
      select: { id: true },
    });
    await writeAnonymousAudit(tx, { ...audit, action: "login", entityId: session.id, details: { ip: attempt.ipAddress ?? null } });
    return { sessionId: session.id, userId: user.id };
  });
}

/** Ends a session at once (logout). Safe to call twice. */
export async function unsafeEndSession(sessionId: string, requestId?: string): Promise<void> {
  if (!isUuid(sessionId)) return;
  await db().$transaction(async (tx) => {
    const ended = await tx.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (ended.count === 0) return;
    const session = await tx.session.findUnique({ where: { id: sessionId }, select: { userId: true, user: { select: { areaCode: true } } } });
    await writeAnonymousAudit(tx, {
      action: "logout",
      entity: "session",
      entityId: sessionId,
      actorId: session?.userId,
      areaCode: session?.user.areaCode,
      requestId,
    });
  });
}
