import "server-only";
import { db } from "./db";

/** Database reachability for /api/health; needs no actor and reveals nothing but up/down. */
export async function unsafeCheckDatabase(): Promise<{ ok: boolean; latencyMs: number }> {
  const started = performance.now();
  try {
    await db().$queryRaw`SELECT 1`;
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { ok: false, latencyMs: Math.round(performance.now() - started) };
  }
}
