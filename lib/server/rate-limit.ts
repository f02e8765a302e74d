import "server-only";
import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { serverEnv } from "./env";

// Limits live in PostgreSQL (table rate_limits, migration 20261124090000_security) so every app process
// shares them; a small pg Pool of its own, because rate-limiter-flexible speaks to `pg` directly.
const globalForLimits = globalThis as unknown as { barefootLimitPool?: { url: string; pool: Pool } };
const limiters = new Map<string, { url: string; limiter: RateLimiterPostgres }>();

export function rateLimitPool(): Pool {
  const url = serverEnv().DATABASE_URL;
  const current = globalForLimits.barefootLimitPool;
  if (current?.url === url) return current.pool;
  const pool = new Pool({ connectionString: url, max: 3 });
  // An idle connection the server closed (restart, failover) is simply replaced by the next query;
  // without a listener pg would throw it as an uncaught error and end the process.
  pool.on("error", () => {});
  globalForLimits.barefootLimitPool = { url, pool };
  return pool;
}

export async function closeRateLimitPool(): Promise<void> {
  const current = globalForLimits.barefootLimitPool;
  globalForLimits.barefootLimitPool = undefined;
  limiters.clear();
  if (current) await current.pool.end();
}

export type LimitSpec = { name: string; points: number; durationSeconds: number };

/** One limiter per named limit (login-ip, later api-token, …); keys are prefixed with the name. */
export function rateLimiter(spec: LimitSpec): RateLimiterPostgres {
  const url = serverEnv().DATABASE_URL;
  const cached = limiters.get(spec.name);
  if (cached?.url === url) return cached.limiter;
  const limiter = new RateLimiterPostgres({
    storeClient: rateLimitPool(),
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true,
    keyPrefix: spec.name,
    points: spec.points,
    duration: spec.durationSeconds,
    clearExpiredByTimeout: true,
  });
  limiters.set(spec.name, { url, limiter });
  return limiter;
}

/** Points already used for a key in the current window (0 when none). */
export async function usedPoints(spec: LimitSpec, key: string): Promise<number> {
  const res = await rateLimiter(spec).get(key);
  return res?.consumedPoints ?? 0;
}

/**
 * Uses one point in a single atomic upsert, so parallel callers can never all pass a check made before
 * counting: `allowed` is false once the key is over its limit; `used` counts this point. Store errors
 * propagate (fail closed).
 */
export async function consumePoint(spec: LimitSpec, key: string): Promise<{ allowed: boolean; used: number }> {
  try {
    const res = await rateLimiter(spec).consume(key);
    return { allowed: true, used: res.consumedPoints };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { allowed: false, used: error.consumedPoints };
    throw error;
  }
}

/** Gives a consumed point back (a limit that should count only failures, consumed before the check). */
export async function refundPoint(spec: LimitSpec, key: string): Promise<void> {
  await rateLimiter(spec).reward(key, 1);
}
