import { performance } from "node:perf_hooks";
import type { RoleName } from "@/lib/domain/roles";
import { disconnectDb, db } from "@/lib/server/db";
import { listChildren, countChildren } from "@/lib/server/children/queries";
import { getAreaOverview } from "@/lib/server/dashboard/queries";
import { benchActor } from "./lib/bench-actor";
import { runScript } from "./lib/run-script";

// Times the jurisdiction-scoped reads of the data layer (the real functions, real actors) on the
// data of `npm run seed:large`, at village, township, county, province and nation level.
const RUNS = 7;

async function median(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm the cache and the plan
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0;
}


await runScript("bench:scope", async () => {
  const [busiest] = await db().$queryRaw<{ village: string; n: bigint }[]>`
    SELECT area_code AS village, count(*) AS n FROM children GROUP BY 1 ORDER BY 2 DESC LIMIT 1`;
  if (!busiest) throw new Error("No children: run `npm run seed:large` first.");
  const village = busiest.village;
  const total = await db().child.count();
  const levels: [string, RoleName, string][] = [
    ["village", "VILLAGE_DIRECTOR", village],
    ["township", "TOWNSHIP_SUPERVISOR", `${village.slice(0, 9)}000`],
    ["county", "COUNTY_OFFICER", `${village.slice(0, 6)}000000`],
    ["province", "PROVINCE_OFFICER", `${village.slice(0, 2)}0000000000`],
    ["nation", "MINISTRY_OFFICER", ""],
  ];
  const lines = [`| level | children in scope | countChildren | listChildren (200) | getAreaOverview |`, `|---|---|---|---|---|`];
  for (const [label, role, code] of levels) {
    const actor = await benchActor(role, code);
    const inScope = await db().child.count({ where: { areaCode: { startsWith: actor.scopePrefix } } });
    const canCases = !["PROVINCE_OFFICER", "MINISTRY_OFFICER"].includes(role);
    const count = canCases ? `${(await median(() => countChildren(actor))).toFixed(1)} ms` : "— (no case data)";
    const list = canCases ? `${(await median(() => listChildren(actor))).toFixed(1)} ms` : "—";
    const overview = role === "VILLAGE_DIRECTOR" ? "—" : `${(await median(() => getAreaOverview(actor))).toFixed(1)} ms`;
    lines.push(`| ${label} | ${inScope.toLocaleString("en")} | ${count} | ${list} | ${overview} |`);
  }
  console.log(`\n${total.toLocaleString("en")} children in the database; median of ${RUNS} warm runs:\n\n${lines.join("\n")}\n`);
  await disconnectDb();
});
