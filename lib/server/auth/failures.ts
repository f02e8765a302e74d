import "server-only";
import type { Tx } from "../db";

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export type FailureOutcome = "counted" | "locks" | "alreadyLocked";

/**
 * One more wrong secret (password, current password, second-factor code): the fifth in a row locks the
 * account for fifteen minutes, whichever of them it was. One atomic UPDATE, so parallel wrong attempts
 * queue on the row and each sees the others' counts: N of them lock the account whatever the interleaving.
 * An attempt on a locked account counts nothing ("alreadyLocked") and must be refused by the caller.
 */
export async function countFailure(tx: Tx, userId: string, now: Date): Promise<FailureOutcome> {
  const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
  const rows = await tx.$queryRaw<{ failed_login_count: number }[]>`
    UPDATE users SET
      failed_login_count = CASE WHEN failed_login_count + 1 >= ${MAX_FAILED_LOGINS} THEN 0 ELSE failed_login_count + 1 END,
      locked_until = CASE WHEN failed_login_count + 1 >= ${MAX_FAILED_LOGINS} THEN ${until}::timestamptz ELSE locked_until END
    WHERE id = ${userId}::uuid AND (locked_until IS NULL OR locked_until <= ${now}::timestamptz)
    RETURNING failed_login_count`;
  if (rows.length === 0) return "alreadyLocked";
  return rows[0]?.failed_login_count === 0 ? "locks" : "counted";
}

/**
 * A right secret clears the count, but only if the account is not locked at this moment (checked in the
 * same statement, so a right password racing wrong ones cannot slip in after the lock). False ⇒ locked.
 */
export async function clearFailures(tx: Tx, userId: string, now: Date): Promise<boolean> {
  const cleared = await tx.user.updateMany({
    where: { id: userId, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
    data: { failedLoginCount: 0, lockedUntil: null },
  });
  return cleared.count === 1;
}
