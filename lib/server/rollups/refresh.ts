import "server-only";
import { todayInChina } from "@/lib/domain/dates";
import { db } from "../db";
import { lockRollupWriters, ROLLUP_TX } from "./lock";
import { windowOf } from "./periods";
import { writeAncestorRows, writeVillageRows } from "./store";

export type RefreshResult = { villages: number; remaining: boolean };

/**
 * One batch of the incremental refresh: up to `limit` villages marked dirty by the case-table triggers are
 * recomputed (stock: this month; flow: this month and the last, since late entries land there), then their
 * ancestors. Unsafe: a system job with no Actor, across every jurisdiction; only scripts and tests call it.
 * A mark re-set during the batch (marked_at changed) survives it, so that change is picked up next time.
 */
export async function unsafeRefreshDirty(limit = 500, now: Date = new Date()): Promise<RefreshResult> {
  const window = windowOf(todayInChina(now), 2);
  return db().$transaction(async (tx) => {
    await lockRollupWriters(tx);
    const marks = await tx.$queryRaw<{ area_code: string; marked_at: Date }[]>`
      SELECT area_code, marked_at FROM rollup_dirty ORDER BY marked_at LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
    if (marks.length === 0) return { villages: 0, remaining: false };
    const codes = marks.map((m) => m.area_code);
    await writeVillageRows(tx, codes, window);
    await writeAncestorRows(tx, codes, window);
    await tx.$executeRaw`
      DELETE FROM rollup_dirty d USING unnest(${codes}::text[], ${marks.map((m) => m.marked_at)}::timestamptz[]) AS taken(area_code, marked_at)
      WHERE d.area_code = taken.area_code AND d.marked_at = taken.marked_at`;
    return { villages: marks.length, remaining: marks.length === limit };
  }, ROLLUP_TX);
}

/** Refreshes batches until no mark is left (the worker's tick). */
export async function unsafeRefreshAllDirty(limit = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const { villages, remaining } = await unsafeRefreshDirty(limit);
    total += villages;
    if (!remaining) return total;
  }
}
