import "server-only";
import { isUuid } from "@/lib/domain/ids";
import { db } from "../db";
import { writeAnonymousAudit } from "../audit";
import { SESSION_ABSOLUTE_HOURS } from "../session";
import { verifyPassword } from "./passwords";

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export type LoginAttempt = { loginName: string; password: string; ipAddress?: string; userAgent?: string; requestId?: string };

/**
 * Checks a login and opens a server-side session. Unscoped by nature (there is no actor yet).
 * Unknown user, wrong password, locked and inactive accounts all return null, in the same time.
 */
export async function unsafeLogin(attempt: LoginAttempt): Promise<{ sessionId: string; userId: string } | null> {
  const now = new Date();
  const user = await db().user.findUnique({
    where: { loginName: attempt.loginName },
    select: { id: true, passwordHash: true, isActive: true, lockedUntil: true, failedLoginCount: true, areaCode: true },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, attempt.password);
  const locked = !!user?.lockedUntil && user.lockedUntil > now;
  const audit = { entity: "session" as const, requestId: attempt.requestId, actorId: user?.id ?? null, areaCode: user?.areaCode };

  if (!user || !passwordOk || locked || !user.isActive) {
    await db().$transaction(async (tx) => {
      if (user && !locked && !passwordOk) {
        const failures = user.failedLoginCount + 1;
        await tx.user.update({
          where: { id: user.id },
          data: {
            failedLoginCount: failures >= MAX_FAILED_LOGINS ? 0 : failures,
            lockedUntil: failures >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : undefined,
          },
        });
      }
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
