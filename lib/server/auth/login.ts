import "server-only";
import { isUuid } from "@/lib/domain/ids";
import { db } from "../db";
import { writeAnonymousAudit } from "../audit";
import { consumePoint, refundPoint, type LimitSpec } from "../rate-limit";
import { SESSION_ABSOLUTE_HOURS } from "../session";
import { clearFailures, countFailure } from "./failures";
import { verifyPassword } from "./passwords";

export { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from "./failures";

/**
 * Per-IP throttle on failed logins: it slows guessing across many accounts, which the per-account lockout
 * cannot. The point is consumed atomically before the password is checked (so parallel attempts cannot all
 * pass a check made before counting) and given back on success: only failures count, so a village office
 * behind one address is not shut out by its own logins. The address is the first X-Forwarded-For hop
 * (see security.md).
 */
export const LOGIN_IP_LIMIT: LimitSpec = { name: "login-ip", points: 30, durationSeconds: 15 * 60 };

export class LoginThrottledError extends Error {
  constructor() {
    super("throttled");
  }
}

export type LoginAttempt = { loginName: string; password: string; ipAddress?: string; userAgent?: string; requestId?: string };

type Refusal = "unknownUser" | "wrongPassword" | "locked" | "inactive";

/**
 * Checks a login and opens a server-side session (which may still owe steps: lib/server/session.ts).
 * Unscoped by nature (there is no actor yet). Unknown user, wrong password, locked and inactive accounts all
 * return null, in the same time; too many failures from one address throw LoginThrottledError.
 */
export async function unsafeLogin(attempt: LoginAttempt): Promise<{ sessionId: string; userId: string } | null> {
  const now = new Date();
  const ip = attempt.ipAddress ?? null;
  const ipKey = attempt.ipAddress || "unknown";
  if (!(await consumePoint(LOGIN_IP_LIMIT, ipKey)).allowed) {
    await db().$transaction((tx) =>
      writeAnonymousAudit(tx, { action: "login", entity: "session", outcome: "DENIED", requestId: attempt.requestId, details: { reason: "throttled", ip } }),
    );
    throw new LoginThrottledError();
  }
  const user = await db().user.findUnique({
    where: { loginName: attempt.loginName },
    select: { id: true, passwordHash: true, isActive: true, lockedUntil: true, areaCode: true },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, attempt.password);
  const audit = { action: "login" as const, entity: "session" as const, requestId: attempt.requestId, actorId: user?.id ?? null, areaCode: user?.areaCode };

  const opened = await db().$transaction(async (tx) => {
    let refusal: Refusal | null = !user ? "unknownUser" : !user.isActive ? "inactive" : null;
    if (user && !passwordOk) {
      // Counted even for an inactive account, as before; a locked one counts nothing and stays "locked".
      const counted = await countFailure(tx, user.id, now);
      refusal = counted === "alreadyLocked" ? "locked" : (refusal ?? "wrongPassword");
    } else if (user && !refusal && !(await clearFailures(tx, user.id, now))) {
      refusal = "locked";
    }
    if (refusal || !user) {
      await writeAnonymousAudit(tx, { ...audit, outcome: "DENIED", details: { reason: refusal ?? "unknownUser", ip } });
      return null;
    }
    const session = await tx.session.create({
      data: {
        userId: user.id,
        expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_HOURS * 3_600_000),
        ipAddress: attempt.ipAddress,
        userAgent: attempt.userAgent?.slice(0, 300),
      },
      select: { id: true },
    });
    await writeAnonymousAudit(tx, { ...audit, entityId: session.id, details: { ip } });
    return { sessionId: session.id, userId: user.id };
  });
  if (opened) await refundPoint(LOGIN_IP_LIMIT, ipKey);
  return opened;
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
