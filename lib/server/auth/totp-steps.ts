import "server-only";
import { TOTP_PERIOD_SECONDS, TOTP_WINDOW } from "@/lib/domain/totp";
import type { Tx } from "../db";

/**
 * Remembers the last TOTP time step each user spent, so a code cannot be replayed within its window
 * (RFC 6238 §5.2). There is no column for it: it lives in the rate_limits store under `totp-step:<userId>`
 * (points = the step; expire = when the window has passed, after which the limiter's cleanup may drop it).
 * Returns false when this step or a later one was already used.
 */
export async function claimTotpStep(tx: Tx, userId: string, step: number): Promise<boolean> {
  const key = `totp-step:${userId}`;
  const expire = BigInt((step + TOTP_WINDOW + 1) * TOTP_PERIOD_SECONDS * 1000);
  const claimed = await tx.$queryRaw<{ key: string }[]>`
    INSERT INTO rate_limits (key, points, expire) VALUES (${key}, ${step}, ${expire})
    ON CONFLICT (key) DO UPDATE SET points = EXCLUDED.points, expire = EXCLUDED.expire
      WHERE rate_limits.points < EXCLUDED.points
    RETURNING key`;
  return claimed.length === 1;
}
