import "server-only";
import crypto from "node:crypto";
import { isUuid } from "@/lib/domain/ids";
import { ROLE_SCOPE_LENGTH, SECOND_FACTOR_ROLES, type RoleName } from "@/lib/domain/roles";
import { db } from "./db";

declare const actorBrand: unique symbol;

/** A user proven by a live server-side session that owes no further step. Only this file can make one. */
export type Actor = {
  readonly userId: string;
  readonly sessionId: string;
  readonly role: RoleName;
  readonly areaCode: string;
  /** Jurisdiction as a code prefix: village 12 digits … nation "". */
  readonly scopePrefix: string;
  readonly displayName: string;
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

/** Steps a signed-in session may still owe, in the order they are asked. */
export type PendingStep = "verifySecondFactor" | "changePassword" | "enrolSecondFactor";

declare const holderBrand: unique symbol;

/**
 * A live session whose password was right, whatever steps it still owes. Only the step pages and their
 * actions use it (to verify a code, change the password, enrol a second factor); everything else needs an
 * Actor, which resolveActor refuses to make while a step is owed.
 */
export type SessionHolder = {
  readonly userId: string;
  readonly sessionId: string;
  readonly role: RoleName;
  readonly areaCode: string;
  readonly loginName: string;
  readonly displayName: string;
  readonly hivAccess: boolean;
  readonly step: PendingStep | null;
  readonly hasSecondFactor: boolean;
  readonly requestId: string;
  readonly [holderBrand]: true;
};

/** Fail closed: a session owes the first step that applies, and only a session owing none is an Actor. */
export function pendingStepFor(user: { role: RoleName; mustChangePassword: boolean; totpEnabledAt: Date | null }, secondFactorAt: Date | null): PendingStep | null {
  if (user.totpEnabledAt && !secondFactorAt) return "verifySecondFactor";
  if (user.mustChangePassword) return "changePassword";
  if (SECOND_FACTOR_ROLES.includes(user.role) && !user.totpEnabledAt) return "enrolSecondFactor";
  return null;
}

/**
 * Checks in the database that the session is live and the user still active (so logout and deactivation
 * take effect at once), applies the idle timeout, and says which step the session still owes.
 */
/** `background`: a request the app makes by itself (the bell's poll); it must not keep an idle session alive. */
export type ResolveOptions = { requestId?: string; background?: boolean };

export async function resolvePendingStep(sessionId: string | undefined, options: ResolveOptions | string = {}): Promise<SessionHolder | null> {
  const { requestId, background = false } = typeof options === "string" ? { requestId: options } : options;
  if (!isUuid(sessionId)) return null;
  const now = new Date();
  const session = await db().session.findFirst({
    where: { id: sessionId, revokedAt: null, expiresAt: { gt: now }, user: { isActive: true } },
    select: {
      id: true,
      lastSeenAt: true,
      secondFactorAt: true,
      user: {
        select: {
          id: true, role: true, areaCode: true, loginName: true, displayName: true,
          mustChangePassword: true, hivAccess: true, totpEnabledAt: true,
        },
      },
    },
  });
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MINUTES * 60_000) {
    await db().session.updateMany({ where: { id: session.id, revokedAt: null }, data: { revokedAt: now } });
    return null;
  }
  const { user } = session;
  if (scopePrefixFor(user.role, user.areaCode) === null) return null;
  // Touch at most once a minute: enough for the idle timeout, cheap for the database.
  if (!background && now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await db().session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return {
    userId: user.id,
    sessionId: session.id,
    role: user.role,
    areaCode: user.areaCode,
    loginName: user.loginName,
    displayName: user.displayName,
    hivAccess: user.hivAccess,
    step: pendingStepFor(user, session.secondFactorAt),
    hasSecondFactor: user.totpEnabledAt !== null,
    requestId: requestId ?? crypto.randomUUID(),
  } as SessionHolder;
}

/**
 * Turns a session id from the signed cookie into an Actor: only for a live session that owes no step
 * (second factor, forced password change, enrolment), so every data-layer call refuses until it is done.
 */
export async function resolveActor(sessionId: string | undefined, options: ResolveOptions | string = {}): Promise<Actor | null> {
  const holder = await resolvePendingStep(sessionId, options);
  if (!holder || holder.step !== null) return null;
  const scopePrefix = scopePrefixFor(holder.role, holder.areaCode);
  if (scopePrefix === null) return null;
  return {
    userId: holder.userId,
    sessionId: holder.sessionId,
    role: holder.role,
    areaCode: holder.areaCode,
    scopePrefix,
    displayName: holder.displayName,
    hivAccess: holder.hivAccess,
    requestId: holder.requestId,
  } as Actor;
}
