import "server-only";
import { todayInChina } from "@/lib/domain/dates";
import { TREND_MONTHS } from "@/lib/domain/indicators";
import { db } from "../db";
import { lockRollupWriters, ROLLUP_TX } from "./lock";
import { windowOf } from "./periods";
import { writeAncestorRows, writeVillageRows } from "./store";

export const REBUILD_BATCH = 500;

export type RebuildResult = { villages: number; batches: number; rows: number; ms: number };

/**
 * Full rebuild: every current village (stock for this month, flow for the last TREND_MONTHS months), then
 * every ancestor. Idempotent; batches of REBUILD_BATCH villages keyed on the code, so memory stays flat.
 * Marks older than the start are cleared (their villages were recomputed). Unsafe: a system job with no
 * Actor, across every jurisdiction; only scripts and tests call it.
 */
export async function unsafeRebuildRollups(
  options: { now?: Date; batch?: number; onBatch?: (done: number) => void } = {},
): Promise<RebuildResult> {
  const started = Date.now();
  const window = windowOf(todayInChina(options.now ?? new Date()), TREND_MONTHS);
  const [clock] = await db().$queryRaw<{ at: Date }[]>`SELECT clock_timestamp() AS at`;
  const at = clock?.at ?? new Date(0);
  const size = options.batch ?? REBUILD_BATCH;
  let after = "";
  let villages = 0;
  let batches = 0;
  for (;;) {
    const batch = await db().$queryRaw<{ code: string }[]>`
      SELECT code FROM admin_areas WHERE level = 'VILLAGE' AND valid_to IS NULL AND code > ${after} ORDER BY code LIMIT ${size}`;
    if (batch.length === 0) break;
    const codes = batch.map((b) => b.code);
    await db().$transaction(async (tx) => {
      await lockRollupWriters(tx);
      await writeVillageRows(tx, codes, window);
    }, ROLLUP_TX);
    villages += codes.length;
    batches += 1;
    after = codes.at(-1) ?? after;
    options.onBatch?.(villages);
  }
  await db().$transaction(async (tx) => {
    await lockRollupWriters(tx);
    // Village rows of areas that are no longer current villages would otherwise be summed forever.
    await tx.$executeRaw`
      DELETE FROM indicator_rollups r WHERE r.level = 'VILLAGE'
        AND NOT EXISTS (SELECT 1 FROM admin_areas a WHERE a.code = r.area_code AND a.level = 'VILLAGE' AND a.valid_to IS NULL)`;
    await writeAncestorRows(tx, null, window);
    await tx.$executeRaw`DELETE FROM rollup_dirty WHERE marked_at < ${at}`;
  }, ROLLUP_TX);
  const [count] = await db().$queryRaw<{ rows: bigint }[]>`SELECT count(*) AS rows FROM indicator_rollups`;
  return { villages, batches, rows: Number(count?.rows ?? 0), ms: Date.now() - started };
}
