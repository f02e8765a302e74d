import "server-only";
import { SECOND_FACTOR_ROLES } from "@/lib/domain/roles";
import { matchTotpStep, normalizeRecoveryCode } from "@/lib/domain/totp";
import { writeAudit } from "../audit";
import { db } from "../db";
import { ForbiddenError, ValidationError } from "../errors";
import { decryptField } from "../field-crypto";
import { consumePoint, type LimitSpec } from "../rate-limit";
import { SESSION_ABSOLUTE_HOURS, type Actor, type SessionHolder } from "../session";
import { clearFailures, countFailure, MAX_FAILED_LOGINS } from "./failures";
import { writeHolderAudit } from "./holder-audit";
import { verifyPassword } from "./passwords";
import { useRecoveryCode } from "./recovery-codes";
import { claimTotpStep } from "./totp-steps";

export { confirmTotpEnrolment, prepareTotpEnrolment, type TotpEnrolment } from "./enrolment";

/**
 * Codes one pending login may try. Counted atomically before a code is checked, so parallel guesses cannot
 * all be checked; the session that used them up is ended (its owner signs in again). Lasts as long as a session can.
 */
export const SECOND_FACTOR_SESSION_LIMIT: LimitSpec = { name: "second-factor-session", points: MAX_FAILED_LOGINS, durationSeconds: SESSION_ABSOLUTE_HOURS * 3600 };

const sessionEnded = () => new ValidationError({}, "errors.unauthenticated");

/**
 * The second step of a login: a current TOTP code (each time step usable once) or an unused recovery code.
 * Wrong codes count towards the same lockout as wrong passwords, and towards the session's own limit.
 * Every attempt is audited.
 */
export async function verifySecondFactor(holder: SessionHolder, input: string): Promise<void> {
  if (holder.step !== "verifySecondFactor") throw new ForbiddenError();
  const now = new Date();
  const audit = { action: "login", entity: "session", entityId: holder.sessionId } as const;
  const recovery = normalizeRecoveryCode(input);
  const method = recovery ? "recoveryCode" : "totp";
  const attempt = await consumePoint(SECOND_FACTOR_SESSION_LIMIT, holder.sessionId);
  if (!attempt.allowed) {
    await db().$transaction(async (tx) => {
      await tx.session.updateMany({ where: { id: holder.sessionId, revokedAt: null }, data: { revokedAt: now } });
      await writeHolderAudit(tx, holder, { ...audit, outcome: "DENIED", details: { step: "secondFactor", method, reason: "tooManyCodes" } });
    });
    throw sessionEnded();
  }
  const user = await db().user.findUniqueOrThrow({ where: { id: holder.userId }, select: { id: true, totpSecret: true, lockedUntil: true } });
  const locked = !!user.lockedUntil && user.lockedUntil > now;
  const outcome = await db().$transaction(async (tx) => {
    let reason: "locked" | "wrongCode" | "reusedCode" | null = locked ? "locked" : null;
    if (!reason && recovery) {
      if (!(await useRecoveryCode(tx, user.id, recovery))) reason = "wrongCode";
    } else if (!reason) {
      const step = user.totpSecret ? matchTotpStep(decryptField(user.totpSecret), input.trim(), now.getTime()) : null;
      if (step === null) reason = "wrongCode";
      else if (!(await claimTotpStep(tx, user.id, step))) reason = "reusedCode";
    }
    if (!reason && !(await clearFailures(tx, user.id, now))) reason = "locked";
    if (reason) {
      const counted = reason === "locked" ? "alreadyLocked" : await countFailure(tx, user.id, now);
      const endsSession = attempt.used >= SECOND_FACTOR_SESSION_LIMIT.points;
      if (endsSession) await tx.session.updateMany({ where: { id: holder.sessionId, revokedAt: null }, data: { revokedAt: now } });
      await writeHolderAudit(tx, holder, { ...audit, outcome: "DENIED", details: { step: "secondFactor", method, reason, ...(endsSession ? { sessionEnded: true } : {}) } });
      return counted === "counted" ? reason : "locked";
    }
    const passed = await tx.session.updateMany({ where: { id: holder.sessionId, revokedAt: null }, data: { secondFactorAt: now } });
    if (passed.count !== 1) return "ended";
    await writeHolderAudit(tx, holder, { ...audit, details: { step: "secondFactor", method } });
    return null;
  });
  if (outcome === "ended") throw sessionEnded();
  if (outcome) throw new ValidationError({ code: [outcome === "locked" ? "account.errors.locked" : `account.twoFactor.${outcome}`] });
}

/**
 * Optional roles may turn the second factor off again (the roles that must have it may not), proving it is
 * them with the current password; a wrong one counts towards the lockout. The user's other sessions end.
 */
export async function disableSecondFactor(actor: Actor, input: { currentPassword: string }): Promise<void> {
  if (SECOND_FACTOR_ROLES.includes(actor.role)) throw new ForbiddenError("account.twoFactor.required");
  const now = new Date();
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true, lockedUntil: true } });
  const locked = !!user.lockedUntil && user.lockedUntil > now;
  const refusal = await db().$transaction(async (tx) => {
    let reason: "locked" | "wrongPassword" | null = locked ? "locked" : null;
    if (!reason && !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      reason = (await countFailure(tx, actor.userId, now)) === "alreadyLocked" ? "locked" : "wrongPassword";
    }
    if (!reason && !(await clearFailures(tx, actor.userId, now))) reason = "locked";
    const base = { action: "update", entity: "user", entityId: actor.userId } as const;
    if (reason) {
      await writeAudit(tx, actor, { ...base, outcome: "DENIED", details: { field: "secondFactor", reason } });
      return reason;
    }
    await tx.user.update({ where: { id: actor.userId }, data: { totpSecret: null, totpEnabledAt: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.userId } });
    const ended = await tx.session.updateMany({ where: { userId: actor.userId, id: { not: actor.sessionId }, revokedAt: null }, data: { revokedAt: now } });
    await writeAudit(tx, actor, { ...base, details: { field: "secondFactor", enabled: false, sessionsEnded: ended.count } });
    return null;
  });
  if (refusal) throw new ValidationError({ currentPassword: [refusal === "locked" ? "account.errors.locked" : "account.errors.wrongCurrentPassword"] });
}
