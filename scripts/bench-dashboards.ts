import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Prisma } from "@/lib/generated/prisma/client";
import { codeOfPrefix } from "@/lib/domain/area-code";
import { TREND_MONTHS } from "@/lib/domain/indicators";
import { addMonths, currentMonth, monthStart } from "@/lib/domain/months";
import { dashboardQuerySchema } from "@/lib/schemas/indicators";
import { db, disconnectDb } from "@/lib/server/db";
import { TABLE_KEYS } from "@/lib/server/indicators/figures";
import { getIndicatorDashboard } from "@/lib/server/indicators/queries";
import { unsafeRebuildRollups } from "@/lib/server/rollups/rebuild";
import type { Actor } from "@/lib/server/session";
import type { RoleName } from "@/lib/domain/roles";
import { benchActor } from "./lib/bench-actor";
import { measureFreshness } from "./lib/bench-freshness";
import { timePage } from "./lib/bench-http";
import { runScript } from "./lib/run-script";
import { writeBenchmarkSection } from "./lib/bench-doc";

// npm run bench:dashboards [-- --children 1000000 --runs 200 --seconds 60 --rate 100 --interval 10 --url http://localhost:3000]:
// on the data of `npm run seed:large` (it never seeds), rebuilds the rollups (timed), times the dashboard of
// the ministry, the busiest province and the busiest county (getIndicatorDashboard with real actors, and the
// single SQL query reading the same rollup rows: the floor), then measures freshness while visits are written,
// and rewrites its section of docs/benchmarks.md. --url also times GET /dashboard over HTTP (a running `npm start`).

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  const value = index >= 0 ? Number(args[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive whole number.`);
  return value;
};
const EXPECTED = args.includes("--children") ? option("children", 1) : undefined;
const RUNS = option("runs", 200);
const SECONDS = option("seconds", 60);
const RATE = option("rate", 100);
const INTERVAL_S = option("interval", 10);
const URL_INDEX = args.indexOf("--url");
const PAGE_URL = URL_INDEX >= 0 ? args[URL_INDEX + 1] : undefined;
const DOC = path.resolve(import.meta.dirname, "../docs/benchmarks.md");
const HEADING = "## Dashboards (`npm run bench:dashboards`)";

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** RUNS warm runs after one warm-up; every time in ms, sorted. */
async function measure(run: () => Promise<unknown>): Promise<number[]> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/** The rollup rows one dashboard reads (own area-month, 24-month trend, sub-areas), as one SQL statement. */
function floorQuery(prefix: string, subLevel: string | null, month: string) {
  const code = codeOfPrefix(prefix);
  const period = monthStart(month);
  const first = monthStart(addMonths(month, -(TREND_MONTHS - 1)));
  const keys = Prisma.join(TABLE_KEYS.map(([indicator, breakdown]) => Prisma.sql`(${indicator}, ${breakdown})`));
  const sub = subLevel
    ? Prisma.sql`UNION ALL SELECT area_code, period, indicator, breakdown, value FROM indicator_rollups
        WHERE level = ${subLevel} AND area_code LIKE ${`${prefix}%`} AND period = ${period}::date AND (indicator, breakdown) IN (${keys})`
    : Prisma.empty;
  return () => db().$queryRaw`
    SELECT area_code, period, indicator, breakdown, value FROM indicator_rollups WHERE area_code = ${code} AND period = ${period}::date
    UNION ALL SELECT area_code, period, indicator, breakdown, value FROM indicator_rollups
      WHERE area_code = ${code} AND period BETWEEN ${first}::date AND ${period}::date AND (indicator, breakdown) IN (${keys})
    ${sub}`;
}

async function busiest(length: number): Promise<{ prefix: string; children: number }> {
  const [row] = await db().$queryRaw<{ code: string; n: bigint }[]>`
    SELECT substr(area_code, 1, ${length}::int) AS code, count(*) AS n FROM children GROUP BY 1 ORDER BY 2 DESC LIMIT 1`;
  return { prefix: row?.code ?? "", children: Number(row?.n ?? 0) };
}

const writeSection = (body: string) => writeBenchmarkSection(HEADING, body, DOC);

await runScript("bench:dashboards", async () => {
  const total = await db().child.count();
  const seedHint = `seed a scratch database first: DATABASE_URL=… npm run seed:large -- --children ${EXPECTED ?? 1_000_000}`;
  if (total === 0) throw new Error(`No children: ${seedHint}`);
  if (EXPECTED && Math.abs(total - EXPECTED) > EXPECTED * 0.1) throw new Error(`The database holds ${total} children, not about ${EXPECTED}: ${seedHint}`);
  console.log(`${total.toLocaleString("en")} children. Rebuilding rollups…`);
  const rebuild = await unsafeRebuildRollups({ onBatch: (done) => process.stdout.write(`\r${done} villages…`) });
  process.stdout.write("\n");

  const county = await busiest(6);
  const province = await busiest(2);
  const levels: [string, RoleName, string, number][] = [
    ["ministry (nation)", "MINISTRY_OFFICER", "", total],
    [`province ${province.prefix}`, "PROVINCE_OFFICER", province.prefix, province.children],
    [`county ${county.prefix}`, "COUNTY_OFFICER", county.prefix, county.children],
  ];
  const month = currentMonth();
  const query = dashboardQuerySchema.parse({});
  const rows: string[] = [];
  for (const [label, role, prefix, children] of levels) {
    const actor: Actor = await benchActor(role, codeOfPrefix(prefix));
    const dashboard = await measure(() => getIndicatorDashboard(actor, query));
    const floor = await measure(floorQuery(prefix, (await getIndicatorDashboard(actor, query)).area.subLevel, month));
    const [p50, p95, f50, f95] = [percentile(dashboard, 50), percentile(dashboard, 95), percentile(floor, 50), percentile(floor, 95)];
    const http = PAGE_URL ? await timePage(PAGE_URL, "/dashboard", [actor], RUNS) : null;
    const verdict = `${p95 < 200 ? "✓" : "✗"} / ${p95 <= 3 * f95 ? "✓" : "✗"}`;
    rows.push(
      `| ${label} | ${children.toLocaleString("en")} | ${ms(p50)} / ${ms(p95)} | ${ms(f50)} / ${ms(f95)} | ${(p50 / f50).toFixed(1)}× / ${(p95 / f95).toFixed(1)}× | ${http ? `${ms(percentile(http, 50))} / ${ms(percentile(http, 95))}` : "not run"} | ${verdict} |`,
    );
    console.log(rows.at(-1));
  }

  console.log(`Freshness: ${RATE} visits/s for ${SECONDS} s, refresh every ${INTERVAL_S} s…`);
  const load = os.loadavg()[0]!;
  const fresh = await measureFreshness({ rate: RATE, seconds: SECONDS, sampleEvery: 10, intervalMs: INTERVAL_S * 1000, pollMs: 250 });
  const lag = (p: number) => `${percentile(fresh.lags, p).toFixed(1)} s`;
  const tickMs = fresh.ticks.filter((t) => t.villages > 0).map((t) => t.ms).sort((a, b) => a - b);
  const maxLag = fresh.lags.at(-1) ?? 0;

  const body = [
    `Measured ${new Date().toISOString().slice(0, 10)} on the data of \`seed:large\` (${total.toLocaleString("en")} children; the issue asks for 10,000,000:`,
    `that run is pending), ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, the embedded PostgreSQL with its defaults, on a scratch`,
    "database of its own (load average before the freshness run " + load.toFixed(1) + ").",
    "",
    `Full rebuild (\`unsafeRebuildRollups\`, every current village of the country in batches of 500, then the upper levels):`,
    `${rebuild.villages.toLocaleString("en")} villages, ${rebuild.rows.toLocaleString("en")} rows, ${(rebuild.ms / 1000).toFixed(1)} s.`,
    "",
    `Dashboard read, ${RUNS} warm runs after one warm-up, for the current month and the default view: \`getIndicatorDashboard\``,
    "called directly with a real actor (a bench user with a second factor enrolled and a session that passed it, through",
    "`resolveActor`), i.e. the page's data and its audit row, without Next's render. The floor is the one SQL statement",
    "(`$queryRaw`, UNION ALL of the same three reads: the area's month, its 24-month trend, the sub-areas' month) that",
    "returns the same rollup rows. Targets: p95 under 200 ms, and at most 3× the floor.",
    "",
    "| dashboard | children in scope | getIndicatorDashboard p50 / p95 | floor p50 / p95 | ratio p50 / p95 | GET /dashboard p50 / p95 | < 200 ms / ≤ 3× |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "What the dashboard does beyond the floor is a fixed few milliseconds, whatever the scope: the permission check, the area",
    "and its breadcrumb names, the sub-areas' names from admin_areas, and the audit row (its own transaction and commit,",
    "about 2 ms p50 alone). Its three rollup reads run in parallel on the pool, while the floor runs them one after the other",
    "in one statement, so the ratio can fall below 1×; with a floor of only a few ms (and other jobs on the 2 cores) the",
    "fixed cost can push it past 3× although the page stays far under 200 ms. No query is slow (EXPLAIN: the primary key",
    "for the area's own rows and trend, the (level, period, area_code) index for the sub-areas).",
    "",
    `Freshness: a writer INSERTs visits with plain SQL (one statement and commit each; the visits statement trigger marks`,
    `the village dirty, as the real data layer's insert does) into active children of random villages, ${RATE} a second for ${SECONDS} s`,
    `(${fresh.written.toLocaleString("en")} visits in ${fresh.writeSeconds.toFixed(1)} s); beside it the worker's loop (\`unsafeRefreshAllDirty\`, then ${INTERVAL_S} s`,
    "of pause, as scripts/rollups-worker.ts); every 10th visit is followed until its village's `visits` row for the month",
    "counts at least as many visits as the village had just after that commit (polled every 250 ms). The bench's visits",
    "are deleted afterwards.",
    "",
    "| visits followed | lag p50 | lag p95 | lag max | not seen in 120 s | refresh ticks (with work): p50 / max | target |",
    "|---|---|---|---|---|---|---|",
    `| ${fresh.lags.length + fresh.missed} | ${lag(50)} | ${lag(95)} | ${maxLag.toFixed(1)} s | ${fresh.missed} | ${ms(percentile(tickMs, 50))} / ${ms(tickMs.at(-1) ?? 0)} | < 60 s ${maxLag < 60 && fresh.missed === 0 ? "✓" : "✗"} |`,
    "",
    "Reproduce on a scratch database (seed:large appends; never on a database you care about):",
    "",
    "```sh",
    "DATABASE_URL=postgresql://…/bench_dash npm run seed:large -- --children 1000000",
    "DATABASE_URL=postgresql://…/bench_dash npm run bench:dashboards -- --children 1000000   # --runs 200 --rate 100 --seconds 60 --interval 10",
    "```",
  ].join("\n");
  console.log(`\n${body}\n`);
  writeSection(body);
  console.log(`Updated ${path.relative(process.cwd(), DOC)}.`);
  await disconnectDb();
});
