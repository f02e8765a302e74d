import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { todayInChina } from "@/lib/domain/dates";
import { addMonths, monthStart } from "@/lib/domain/months";
import { db } from "@/lib/server/db";
import { unsafeRefreshAllDirty } from "@/lib/server/rollups/refresh";

export type FreshnessOptions = { rate: number; seconds: number; sampleEvery: number; intervalMs: number; pollMs: number };
export type FreshnessResult = {
  written: number;
  writeSeconds: number;
  lags: number[];
  missed: number;
  ticks: { ms: number; villages: number }[];
};

type Sample = { village: string; committedAt: number; expected: number; seenAt?: number };

/** Marks the bench's own visits so they can be removed afterwards (a rerun starts from the same data). */
const NOTE = "bench:dashboards";

/**
 * Freshness under writes: a writer INSERTs visits (plain SQL, one statement and commit each, so the
 * visits triggers mark the village dirty as a form would) at `rate` a second for `seconds`, into children
 * of random villages; the worker's loop runs beside it (unsafeRefreshAllDirty, then a pause of
 * `intervalMs`); a poller watches every `sampleEvery`-th visit until its village's "visits" row for the
 * month counts at least as many visits as the village had right after that commit.
 */
export async function measureFreshness(options: FreshnessOptions): Promise<FreshnessResult> {
  const children = await db().$queryRaw<{ id: string; area_code: string }[]>`
    SELECT id, area_code FROM children TABLESAMPLE SYSTEM (2) WHERE status = 'ACTIVE' ORDER BY random() LIMIT 5000`;
  if (children.length === 0) throw new Error("No active children to write visits for.");
  const today = todayInChina();
  const period = new Date(`${monthStart(today.slice(0, 7))}T00:00:00Z`);
  const monthFrom = monthStart(today.slice(0, 7));
  const monthTo = monthStart(addMonths(today.slice(0, 7), 1));
  const samples: Sample[] = [];
  let writing = true;
  let stoppedAt = Number.POSITIVE_INFINITY;
  const ticks: FreshnessResult["ticks"] = [];

  const refresher = (async () => {
    while (writing || samples.some((s) => s.seenAt === undefined)) {
      const started = performance.now();
      const villages = await unsafeRefreshAllDirty();
      ticks.push({ ms: performance.now() - started, villages });
      await sleep(options.intervalMs);
      if (!writing && performance.now() - stoppedAt > 120_000) return;
    }
  })();

  const poller = (async () => {
    while (writing || samples.some((s) => s.seenAt === undefined)) {
      const pending = samples.filter((s) => s.seenAt === undefined);
      if (pending.length > 0) {
        const rows = await db().$queryRaw<{ area_code: string; value: bigint }[]>`
          SELECT area_code, value FROM indicator_rollups
          WHERE area_code = ANY(${[...new Set(pending.map((s) => s.village))]}::text[]) AND period = ${period}::date
            AND indicator = 'visits' AND breakdown = ''`;
        const now = performance.now();
        const value = new Map(rows.map((r) => [r.area_code, Number(r.value)]));
        for (const sample of pending) if ((value.get(sample.village) ?? 0) >= sample.expected) sample.seenAt = now;
      }
      await sleep(options.pollMs);
      if (!writing && performance.now() - stoppedAt > 120_000) return;
    }
  })();

  const total = options.rate * options.seconds;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const child = children[i % children.length]!;
    await db().$executeRaw`
      INSERT INTO visits (child_id, area_code, visited_on, type, risk_level, met_with, notes, updated_at)
      VALUES (${child.id}::uuid, ${child.area_code}, ${today}::date, 'HOME', 'GREEN', ARRAY['CHILD'], ${NOTE}, now())`;
    if (i % options.sampleEvery !== 0) continue;
    const committedAt = performance.now();
    const [count] = await db().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM visits WHERE area_code = ${child.area_code} AND visited_on >= ${monthFrom}::date AND visited_on < ${monthTo}::date`;
    samples.push({ village: child.area_code, committedAt, expected: Number(count?.n ?? 0) });
  }
  const writeSeconds = (performance.now() - started) / 1000;
  stoppedAt = performance.now();
  writing = false;
  await Promise.all([refresher, poller]);

  // Remove the bench's visits and bring the rollups back to the seeded data.
  await db().$executeRaw`DELETE FROM visits WHERE notes = ${NOTE}`;
  await unsafeRefreshAllDirty();
  const lags = samples.filter((s) => s.seenAt !== undefined).map((s) => (s.seenAt! - s.committedAt) / 1000);
  return { written: total, writeSeconds, lags: lags.sort((a, b) => a - b), missed: samples.length - lags.length, ticks };
}
