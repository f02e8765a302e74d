import "server-only";
import { passwordProblems } from "@/lib/domain/password-rules";
import { db } from "../db";
import { ValidationError } from "../errors";
import { decryptField } from "../field-crypto";
import type { SessionHolder } from "../session";
import { commonPasswords } from "./common-passwords";
import { countFailure } from "./failures";
import { writeHolderAudit } from "./holder-audit";
import { hashPassword, verifyPassword } from "./passwords";

export type ChangePasswordInput = { currentPassword: string; newPassword: string };

// Phones are encrypted at rest; rows written before the backfill may still hold the plain number.
function plainPhone(stored: string | null): string | null {
  if (!stored) return null;
  return stored.startsWith("v1:") ? decryptField(stored) : stored;
}

/**
 * Changes the holder's own password (voluntarily, or the forced change at first login). A wrong current
 * password counts towards the lockout like a failed login. Success ends every session of the user, this
 * one included, in the same transaction: whoever else knew the old password is signed out too.
 */
export async function changeOwnPassword(holder: SessionHolder, input: ChangePasswordInput): Promise<void> {
  if (holder.step === "verifySecondFactor") throw new ValidationError({}, "errors.unauthenticated");
  const now = new Date();
  const user = await db().user.findUniqueOrThrow({
    where: { id: holder.userId },
    select: { id: true, loginName: true, phone: true, passwordHash: true, failedLoginCount: true, lockedUntil: true, version: true },
  });
  const locked = !!user.lockedUntil && user.lockedUntil > now;
  if (locked || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    const reason = await db().$transaction(async (tx) => {
      const refusal = locked || (await countFailure(tx, user.id, now)) === "alreadyLocked" ? "locked" : "wrongPassword";
      await writeHolderAudit(tx, holder, {
        action: "update",
        entity: "user",
        entityId: user.id,
        outcome: "DENIED",
        details: { field: "password", reason: refusal },
      });
      return refusal;
    });
    throw new ValidationError({ currentPassword: [reason === "locked" ? "account.errors.locked" : "account.errors.wrongCurrentPassword"] });
  }
  const problems = passwordProblems(input.newPassword, { loginName: user.loginName, phone: plainPhone(user.phone) }, commonPasswords());
  if (input.newPassword === input.currentPassword) problems.push("account.passwordRules.sameAsCurrent");
  if (problems.length > 0) throw new ValidationError({ newPassword: problems });

  const passwordHash = await hashPassword(input.newPassword);
  await db().$transaction(async (tx) => {
    // Conditional on the account not being locked meanwhile by parallel wrong attempts.
    const changed = await tx.user.updateMany({
      where: { id: user.id, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
      data: { passwordHash, passwordChangedAt: now, mustChangePassword: false, failedLoginCount: 0, lockedUntil: null, version: { increment: 1 } },
    });
    if (changed.count !== 1) throw new ValidationError({ currentPassword: ["account.errors.locked"] });
    const ended = await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    await writeHolderAudit(tx, holder, {
      action: "update",
      entity: "user",
      entityId: user.id,
      details: { field: "password", sessionsEnded: ended.count },
    });
  });
}
