import "server-only";
import type { Tx } from "../db";

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

/**
 * One more wrong secret (password, current password on change, second-factor code): the fifth in a row
 * locks the account for fifteen minutes, whichever of them it was.
 */
export async function countFailure(tx: Tx, user: { id: string; failedLoginCount: number }, now: Date): Promise<boolean> {
  const failures = user.failedLoginCount + 1;
  const locks = failures >= MAX_FAILED_LOGINS;
  await tx.user.update({
    where: { id: user.id },
    data: {
      failedLoginCount: locks ? 0 : failures,
      lockedUntil: locks ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : undefined,
    },
  });
  return locks;
}
