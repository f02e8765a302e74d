import "server-only";
import { Secret } from "otpauth";
import { matchTotpStep, totpUri } from "@/lib/domain/totp";
import { db } from "../db";
import { ConflictError, ForbiddenError, ValidationError } from "../errors";
import { decryptField, encryptField } from "../field-crypto";
import type { SessionHolder } from "../session";
import { writeHolderAudit } from "./holder-audit";
import { replaceRecoveryCodes } from "./recovery-codes";
import { claimTotpStep } from "./totp-steps";

export type TotpEnrolment = { secret: string; uri: string };

// While totp_enabled_at is null, users.totp_secret holds "sessionId|secret" (encrypted): the pending secret
// belongs to the one session that opened enrolment, so another session (say, someone else who has the
// password) never sees it; when a different session starts enrolment it gets a new secret, and the copied
// one dies. Once confirmed the column holds the bare secret, as verifySecondFactor reads it.
function sealPending(sessionId: string, secret: string): string {
  return encryptField(`${sessionId}|${secret}`);
}

function openPending(stored: string | null): { sessionId: string; secret: string } | null {
  if (!stored) return null;
  const [sessionId, secret] = decryptField(stored).split("|");
  // A value without an owner (written before this format) is treated as no pending secret at all.
  return sessionId && secret ? { sessionId, secret } : null;
}

async function pendingOf(userId: string) {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new ConflictError("account.twoFactor.alreadyOn");
  return { stored: user.totpSecret, pending: openPending(user.totpSecret) };
}

/**
 * The secret to show on the enrolment page: the one this session already holds (a reload shows the same QR
 * code), else a new one, which replaces any other session's pending secret. Writing it is audited.
 */
export async function prepareTotpEnrolment(holder: SessionHolder): Promise<TotpEnrolment> {
  if (holder.step !== null && holder.step !== "enrolSecondFactor") throw new ForbiddenError();
  const { stored, pending } = await pendingOf(holder.userId);
  if (pending?.sessionId === holder.sessionId) return { secret: pending.secret, uri: totpUri(pending.secret, holder.loginName) };
  const secret = new Secret({ size: 20 }).base32;
  const written = await db().$transaction(async (tx) => {
    // Compare-and-set on the value read, so two sessions opening the page at once cannot both think they own it.
    const swapped = await tx.user.updateMany({
      where: { id: holder.userId, totpEnabledAt: null, totpSecret: stored },
      data: { totpSecret: sealPending(holder.sessionId, secret) },
    });
    if (swapped.count !== 1) return false;
    await writeHolderAudit(tx, holder, { action: "update", entity: "user", entityId: holder.userId, details: { secondFactor: "pending" } });
    return true;
  });
  if (!written) throw new ConflictError();
  return { secret, uri: totpUri(secret, holder.loginName) };
}

/**
 * Confirms enrolment with a first code from this session's own pending secret; ends the user's other
 * sessions (whoever else was signed in did not prove the new factor); returns the ten recovery codes, shown once.
 */
export async function confirmTotpEnrolment(holder: SessionHolder, code: string): Promise<string[]> {
  if (holder.step !== null && holder.step !== "enrolSecondFactor") throw new ForbiddenError();
  const { stored, pending } = await pendingOf(holder.userId);
  const mine = pending?.sessionId === holder.sessionId ? pending : null;
  const step = mine ? matchTotpStep(mine.secret, code, Date.now()) : null;
  const codes = await db().$transaction(async (tx) => {
    if (!mine || step === null || !(await claimTotpStep(tx, holder.userId, step))) {
      await writeHolderAudit(tx, holder, { action: "update", entity: "session", entityId: holder.sessionId, outcome: "DENIED", details: { step: "enrolSecondFactor", reason: "wrongCode" } });
      return null;
    }
    const now = new Date();
    const enabled = await tx.user.updateMany({
      where: { id: holder.userId, totpEnabledAt: null, totpSecret: stored },
      data: { totpEnabledAt: now, totpSecret: encryptField(mine.secret) },
    });
    // Another session replaced the pending secret, or enrolment finished elsewhere, since it was read.
    if (enabled.count !== 1) throw new ConflictError();
    await tx.session.update({ where: { id: holder.sessionId }, data: { secondFactorAt: now } });
    const ended = await tx.session.updateMany({ where: { userId: holder.userId, id: { not: holder.sessionId }, revokedAt: null }, data: { revokedAt: now } });
    const recoveryCodes = await replaceRecoveryCodes(tx, holder.userId);
    await writeHolderAudit(tx, holder, { action: "update", entity: "user", entityId: holder.userId, details: { field: "secondFactor", enabled: true, sessionsEnded: ended.count } });
    return recoveryCodes;
  });
  if (!codes) throw new ValidationError({ code: ["account.twoFactor.wrongCode"] });
  return codes;
}
