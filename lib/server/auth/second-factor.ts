import "server-only";
import { Secret } from "otpauth";
import { SECOND_FACTOR_ROLES } from "@/lib/domain/roles";
import { matchTotpStep, normalizeRecoveryCode, totpUri } from "@/lib/domain/totp";
import { db } from "../db";
import { ConflictError, ForbiddenError, ValidationError } from "../errors";
import { decryptField, encryptField } from "../field-crypto";
import type { Actor, SessionHolder } from "../session";
import { writeAudit } from "../audit";
import { countFailure } from "./failures";
import { writeHolderAudit } from "./holder-audit";
import { replaceRecoveryCodes, useRecoveryCode } from "./recovery-codes";
import { claimTotpStep } from "./totp-steps";

export type TotpEnrolment = { secret: string; uri: string };

/**
 * The secret to show on the enrolment page. Kept (encrypted) on the user while not yet confirmed, so
 * reloading the page shows the same QR code; it counts only once totp_enabled_at is set.
 */
export async function prepareTotpEnrolment(holder: SessionHolder): Promise<TotpEnrolment> {
  if (holder.step !== null && holder.step !== "enrolSecondFactor") throw new ForbiddenError();
  const user = await db().user.findUniqueOrThrow({ where: { id: holder.userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new ConflictError("account.twoFactor.alreadyOn");
  let secret = user.totpSecret ? decryptField(user.totpSecret) : null;
  if (!secret) {
    secret = new Secret({ size: 20 }).base32;
    await db().user.updateMany({ where: { id: holder.userId, totpEnabledAt: null }, data: { totpSecret: encryptField(secret) } });
  }
  return { secret, uri: totpUri(secret, holder.loginName) };
}

/** Confirms enrolment with a first code; returns the ten recovery codes, shown once. */
export async function confirmTotpEnrolment(holder: SessionHolder, code: string): Promise<string[]> {
  if (holder.step !== null && holder.step !== "enrolSecondFactor") throw new ForbiddenError();
  const user = await db().user.findUniqueOrThrow({ where: { id: holder.userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new ConflictError("account.twoFactor.alreadyOn");
  const step = user.totpSecret ? matchTotpStep(decryptField(user.totpSecret), code, Date.now()) : null;
  return db().$transaction(async (tx) => {
    if (step === null || !(await claimTotpStep(tx, holder.userId, step))) {
      await writeHolderAudit(tx, holder, { action: "update", entity: "session", entityId: holder.sessionId, outcome: "DENIED", details: { step: "enrolSecondFactor", reason: "wrongCode" } });
      return null;
    }
    const now = new Date();
    const enabled = await tx.user.updateMany({ where: { id: holder.userId, totpEnabledAt: null }, data: { totpEnabledAt: now } });
    if (enabled.count !== 1) throw new ConflictError("account.twoFactor.alreadyOn");
    await tx.session.update({ where: { id: holder.sessionId }, data: { secondFactorAt: now } });
    const codes = await replaceRecoveryCodes(tx, holder.userId);
    await writeHolderAudit(tx, holder, { action: "update", entity: "user", entityId: holder.userId, details: { field: "secondFactor", enabled: true } });
    return codes;
  }).then((codes) => {
    if (!codes) throw new ValidationError({ code: ["account.twoFactor.wrongCode"] });
    return codes;
  });
}

/**
 * The second step of a login: a current TOTP code (each time step usable once) or an unused recovery code.
 * Wrong codes count towards the same lockout as wrong passwords. Every attempt is audited.
 */
export async function verifySecondFactor(holder: SessionHolder, input: string): Promise<void> {
  if (holder.step !== "verifySecondFactor") throw new ForbiddenError();
  const now = new Date();
  const user = await db().user.findUniqueOrThrow({
    where: { id: holder.userId },
    select: { id: true, totpSecret: true, failedLoginCount: true, lockedUntil: true },
  });
  const locked = !!user.lockedUntil && user.lockedUntil > now;
  const recovery = normalizeRecoveryCode(input);
  const method = recovery ? "recoveryCode" : "totp";
  const outcome = await db().$transaction(async (tx) => {
    let reason: string | null = locked ? "locked" : null;
    if (!reason && recovery) {
      if (!(await useRecoveryCode(tx, user.id, recovery))) reason = "wrongCode";
    } else if (!reason) {
      const step = user.totpSecret ? matchTotpStep(decryptField(user.totpSecret), input.trim(), now.getTime()) : null;
      if (step === null) reason = "wrongCode";
      else if (!(await claimTotpStep(tx, user.id, step))) reason = "reusedCode";
    }
    const audit = { action: "login", entity: "session", entityId: holder.sessionId } as const;
    if (reason) {
      const locks = reason !== "locked" && (await countFailure(tx, user, now));
      await writeHolderAudit(tx, holder, { ...audit, outcome: "DENIED", details: { step: "secondFactor", method, reason } });
      return locks || reason === "locked" ? "locked" : reason;
    }
    await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0 } });
    await tx.session.update({ where: { id: holder.sessionId }, data: { secondFactorAt: now } });
    await writeHolderAudit(tx, holder, { ...audit, details: { step: "secondFactor", method } });
    return null;
  });
  if (outcome) throw new ValidationError({ code: [outcome === "locked" ? "account.errors.locked" : `account.twoFactor.${outcome}`] });
}

/** Optional roles may turn the second factor off again; the roles that must have it may not. */
export async function disableSecondFactor(actor: Actor): Promise<void> {
  if (SECOND_FACTOR_ROLES.includes(actor.role)) throw new ForbiddenError("account.twoFactor.required");
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { totpSecret: null, totpEnabledAt: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.userId } });
    await writeAudit(tx, actor, { action: "update", entity: "user", entityId: actor.userId, details: { field: "secondFactor", enabled: false } });
  });
}
