import "server-only";
import crypto from "node:crypto";
import { isUuid } from "@/lib/domain/ids";
import { ROLE_SCOPE_LENGTH, type RoleName } from "@/lib/domain/roles";
import { db } from "./db";

declare const actorBrand: unique symbol;

/** A user proven by a live server-side session. Only this file can make one. */
export type Actor = {
  readonly userId: string;
  readonly sessionId: string;
  readonly role: RoleName;
  readonly areaCode: string;
  /** Jurisdiction as a code prefix: village 12 digits … nation "". */
  readonly scopePrefix: string;
  readonly displayName: string;
  readonly mustChangePassword: boolean;
  /** The dedicated permission to read and record HIV status (granted by the system administrator). */
  readonly hivAccess: boolean;
  readonly requestId: string;
  readonly [actorBrand]: true;
};

export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 12;

const LEVEL_STARTS = [0, 2, 4, 6, 9, 12];

/**
 * The jurisdiction prefix of a role at an area code, or null when the code is not of the role's level:
 * the digits after the prefix must be zeros and the role's own segment must not be (a director needs
 * a village code, not her county's).
 */
export function scopePrefixFor(role: RoleName, areaCode: string): string | null {
  for (const length of ROLE_SCOPE_LENGTH[role]) {
    if (length === 0) {
      if (areaCode === "" || /^0{12}$/.test(areaCode)) return "";
      continue;
    }
    if (!/^\d{12}$/.test(areaCode) || !/^0*$/.test(areaCode.slice(length))) continue;
    const segmentStart = LEVEL_STARTS[LEVEL_STARTS.indexOf(length) - 1] ?? 0;
    if (/^0+$/.test(areaCode.slice(segmentStart, length))) continue;
    return areaCode.slice(0, length);
  }
  return null;
}

/**
 * Turns a session id from the signed cookie into an Actor, after checking in the database that the
 * session is live and the user still active, so that logout and deactivation take effect at once.
 */
export async function resolveActor(sessionId: string | undefined, requestId?: string): Promise<Actor | null> {
  if (!isUuid(sessionId)) return null;
  const now = new Date();
  const session = await db().session.findFirst({
    where: { id: sessionId, revokedAt: null, expiresAt: { gt: now }, user: { isActive: true } },
    select: {
      id: true,
      lastSeenAt: true,
      user: { select: { id: true, role: true, areaCode: true, displayName: true, mustChangePassword: true, hivAccess: true } },
    },
  });
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MINUTES * 60_000) {
    await db().session.updateMany({ where: { id: session.id, revokedAt: null }, data: { revokedAt: now } });
    return null;
  }
  const { user } = session;
  const scopePrefix = scopePrefixFor(user.role, user.areaCode);
  if (scopePrefix === null) return null;
  // Touch at most once a minute: enough for the idle timeout, cheap for the database.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await db().session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return {
    userId: user.id,
    sessionId: session.id,
    role: user.role,
    areaCode: user.areaCode,
    scopePrefix,
    displayName: user.displayName,
    mustChangePassword: user.mustChangePassword,
    hivAccess: user.hivAccess,
    requestId: requestId ?? crypto.randomUUID(),
  } as Actor;
}
