import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseChildSearch } from "@/lib/schemas/child-search";
import { searchChildren } from "@/lib/server/children/search";
import { db, disconnectDb } from "@/lib/server/db";
import { getTodaysWork } from "@/lib/server/workbench/queries";
import type { Actor } from "@/lib/server/session";
import { benchActor } from "./lib/bench-actor";
import { timePage } from "./lib/bench-http";
import { runScript } from "./lib/run-script";
import { writeBenchmarkSection } from "./lib/bench-doc";

// npm run bench:workbench [-- --runs 50 --villages 5 --url http://localhost:3000]: times the director's workbench data (the real
// data-layer functions, real actors) on the data of `npm run seed:large`, prints p50/p95 per query and
// for the whole page, shows the plans, and rewrites its section of docs/benchmarks.md. With --url (a running
// `npm start` on the same database), it also times the whole /workbench page over HTTP.

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  const value = index >= 0 ? Number(args[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive whole number.`);
  return value;
};
const RUNS = option("runs", 50);
const URL_INDEX = args.indexOf("--url");
const PAGE_URL = URL_INDEX >= 0 ? args[URL_INDEX + 1] : undefined;
const VILLAGES = option("villages", 5);
const DOC = path.resolve(import.meta.dirname, "../docs/benchmarks.md");
const HEADING = "## Director's workbench (`npm run bench:workbench`)";


const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** Runs each query RUNS times per actor after one warm-up; returns p50/p95 per query name. */
async function measure(actors: Actor[], queries: Record<string, (actor: Actor) => Promise<unknown>>) {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(queries).map((name) => [name, []]));
  for (const actor of actors) for (const run of Object.values(queries)) await run(actor);
  for (let i = 0; i < RUNS; i++) {
    const actor = actors[i % actors.length]!;
    for (const [name, run] of Object.entries(queries)) {
      const started = performance.now();
      await run(actor);
      times[name]!.push(performance.now() - started);
    }
  }
  return Object.entries(times).map(([name, list]) => {
    const sorted = [...list].sort((a, b) => a - b);
    return { name, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
  });
}

/** The plans of the workbench's main SQL shapes: each must start from an area_code index. */
async function plans(village: string): Promise<string[]> {
  const pattern = `${village}%`;
  const shapes: [string, Promise<{ "QUERY PLAN": string }[]>][] = [
    ["overdue visits", db().$queryRaw`EXPLAIN SELECT id FROM children WHERE area_code LIKE ${pattern} AND status = 'ACTIVE' AND next_visit_on < current_date ORDER BY next_visit_on LIMIT 5`],
    ["children list page 1", db().$queryRaw`EXPLAIN SELECT id FROM children WHERE area_code LIKE ${pattern} AND status = 'ACTIVE' ORDER BY risk_level NULLS LAST, next_visit_on NULLS LAST, name, id LIMIT 20`],
    ["name search", db().$queryRaw`EXPLAIN SELECT id FROM children WHERE area_code LIKE ${pattern} AND status = 'ACTIVE' AND (name_pinyin LIKE 'zhang%' OR name_initials LIKE 'zhang%') LIMIT 20`],
    ["returned referrals", db().$queryRaw`EXPLAIN SELECT id FROM referrals WHERE area_code LIKE ${pattern} AND status = 'RETURNED' LIMIT 5`],
  ];
  const lines: string[] = [];
  for (const [label, plan] of shapes) {
    const rows = await plan;
    const index = rows.map((r) => r["QUERY PLAN"]).find((line) => /Index|Bitmap/.test(line)) ?? rows[0]?.["QUERY PLAN"] ?? "";
    lines.push(`- ${label}: \`${index.trim().replace(/\s+\(cost=.*$/, "")}\``);
  }
  return lines;
}

const writeSection = (body: string) => writeBenchmarkSection(HEADING, body, DOC);

await runScript("bench:workbench", async () => {
  const villages = await db().$queryRaw<{ code: string; n: bigint }[]>`
    SELECT area_code AS code, count(*) AS n FROM children GROUP BY 1 ORDER BY 2 DESC LIMIT ${VILLAGES}`;
  if (villages.length === 0) throw new Error("No children: run `npm run seed:large` first.");
  const total = await db().child.count();
  const directors = await Promise.all(villages.map((v) => benchActor("VILLAGE_DIRECTOR", v.code)));
  const supervisor = [await benchActor("TOWNSHIP_SUPERVISOR", `${villages[0]!.code.slice(0, 9)}000`)];
  const county = [await benchActor("COUNTY_OFFICER", `${villages[0]!.code.slice(0, 6)}000000`)];
  const inScope = async (prefix: string) => (await db().child.count({ where: { areaCode: { startsWith: prefix } } })).toLocaleString("en");

  const workbench = {
    getTodaysWork: (actor: (typeof directors)[number]) => getTodaysWork(actor),
    "searchChildren page 1": (actor: (typeof directors)[number]) => searchChildren(actor, parseChildSearch({})),
    "name search (pinyin 'zh')": (actor: (typeof directors)[number]) => searchChildren(actor, parseChildSearch({ q: "zh" })),
    "name search (characters '张')": (actor: (typeof directors)[number]) => searchChildren(actor, parseChildSearch({ q: "张" })),
    // What /workbench loads: today's work and the first page of the list, in parallel.
    "workbench page data (getTodaysWork + page 1, in parallel)": (actor: (typeof directors)[number]) =>
      Promise.all([getTodaysWork(actor), searchChildren(actor, parseChildSearch({}))]),
  };
  const director = await measure(directors, workbench);
  if (PAGE_URL) {
    const times = await timePage(PAGE_URL, "/workbench", directors, RUNS);
    director.push({ name: "GET /workbench over HTTP (whole page: session check, data, render)", p50: percentile(times, 50), p95: percentile(times, 95) });
  }
  const wider = { getTodaysWork: workbench.getTodaysWork, "searchChildren page 1": workbench["searchChildren page 1"] };
  const township = await measure(supervisor, wider);
  const countyTimes = await measure(county, wider);

  const row = (r: { name: string; p50: number; p95: number }) => `| ${r.name} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms |`;
  const sizes = villages.map((v) => Number(v.n)).join(", ");
  const body = [
    `Measured ${new Date().toISOString().slice(0, 10)} on the data of \`seed:large\` (${total.toLocaleString("en")} children), same machine as above.`,
    `${RUNS} warm runs after one warm-up per actor, spread over the ${villages.length} busiest villages (${sizes} children, closed files included),`,
    `each with its own director (a real session). The page's data is \`getTodaysWork\` (six lists, a count and the first five each);`,
    "the children list is `searchChildren` (a count and one page of 20). The workbench page loads both in parallel;",
    "target: under 150 ms p50 for that.",
    "",
    "| village director | p50 | p95 |",
    "|---|---|---|",
    ...director.map(row),
    "",
    `The same functions in wider scopes (they work in any case-data scope): the busiest village's township`,
    `(${supervisor[0]!.scopePrefix}, ${await inScope(supervisor[0]!.scopePrefix)} children) and county (${county[0]!.scopePrefix}, ${await inScope(county[0]!.scopePrefix)} children):`,
    "",
    "| township supervisor | p50 | p95 |",
    "|---|---|---|",
    ...township.map(row),
    "",
    "| county officer | p50 | p95 |",
    "|---|---|---|",
    ...countyTimes.map(row),
    "",
    `The busiest village's lists (counts): ${Object.entries(await getTodaysWork(directors[0]!)).map(([name, list]) => `${name} ${list.count}`).join(", ")}.`,
    "",
    "Plans (EXPLAIN of the main SQL shapes for the busiest village; each starts from an `area_code` index):",
    "",
    ...(await plans(villages[0]!.code)),
    "",
    "Reproduce: `npm run seed:large && npm run bench:workbench` (options `--runs 50 --villages 5`; add",
    "`--url http://localhost:3000` with `npm start` running on the same database to time the whole page over HTTP).",
  ].join("\n");
  console.log(`\n${body}\n`);
  writeSection(body);
  console.log(`Updated ${path.relative(process.cwd(), DOC)}.`);
  await disconnectDb();
});
