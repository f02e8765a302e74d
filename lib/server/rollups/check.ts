import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { todayInChina } from "@/lib/domain/dates";
import { TREND_MONTHS } from "@/lib/domain/indicators";
import { db } from "../db";
import { eligibleRowsSql } from "./eligible";
import { windowOf, type Window } from "./periods";
import { ancestorSumsSql, windowPeriodsSql } from "./store";
import { flowRowsSql, stockRowsSql } from "./village-rows";

export type RollupDifference = { areaCode: string; period: string; indicator: string; breakdown: string; stored: number; live: number };

const BATCH = 500;
const LEVELS = [
  { length: 9, level: "TOWNSHIP" },
  { length: 6, level: "COUNTY" },
  { length: 4, level: "PREFECTURE" },
  { length: 2, level: "PROVINCE" },
  { length: 0, level: "NATION" },
] as const;

type Row = { area_code: string; period: string; indicator: string; breakdown: string; stored: bigint; live: bigint };

function differencesSql(live: Prisma.Sql, stored: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH live AS (${live}), stored AS (${stored})
    SELECT coalesce(l.area_code, s.area_code) AS area_code, to_char(coalesce(l.period, s.period), 'YYYY-MM-DD') AS period,
           coalesce(l.indicator, s.indicator) AS indicator, coalesce(l.breakdown, s.breakdown) AS breakdown,
           coalesce(s.value, 0) AS stored, coalesce(l.value, 0) AS live
    FROM live l FULL JOIN stored s
      ON s.area_code = l.area_code AND s.period = l.period AND s.indicator = l.indicator AND s.breakdown = l.breakdown
    WHERE coalesce(s.value, 0) <> coalesce(l.value, 0)
    ORDER BY 1, 2, 3, 4 LIMIT 1000`;
}

const toDifference = (r: Row): RollupDifference => ({
  areaCode: r.area_code, period: r.period, indicator: r.indicator, breakdown: r.breakdown, stored: Number(r.stored), live: Number(r.live),
});

/**
 * The consistency check: every village recomputed live from the case tables (stock for this month, flow for
 * the last TREND_MONTHS months; benefit_eligible by the same rules in memory) against its stored rows, and every upper row against the sum of the stored
 * village rows. Pending dirty marks show up as differences until the worker has refreshed them.
 * Unsafe: a system job with no Actor; only scripts and tests call it. At most 1,000 differences per batch.
 */
export async function unsafeCheckRollups(now: Date = new Date()): Promise<RollupDifference[]> {
  const window: Window = windowOf(todayInChina(now), TREND_MONTHS);
  const found: RollupDifference[] = [];
  let after = "";
  for (;;) {
    const batch = await db().$queryRaw<{ code: string }[]>`
      SELECT code FROM admin_areas WHERE level = 'VILLAGE' AND valid_to IS NULL AND code > ${after} ORDER BY code LIMIT ${BATCH}`;
    if (batch.length === 0) break;
    const codes = batch.map((b) => b.code);
    after = codes.at(-1) ?? after;
    const eligible = await eligibleRowsSql(db(), codes, window.today, window.current);
    const live = Prisma.sql`(${stockRowsSql(codes, window.today, window.current)}) UNION ALL (${eligible})
      UNION ALL (${flowRowsSql(codes, window.flowFrom, window.flowTo)})`;
    const stored = Prisma.sql`SELECT area_code, period, indicator, breakdown, value FROM indicator_rollups
      WHERE level = 'VILLAGE' AND area_code = ANY(${codes}::text[]) AND ${windowPeriodsSql(window)}`;
    found.push(...(await db().$queryRaw<Row[]>(differencesSql(live, stored))).map(toDifference));
  }
  for (const { length, level } of LEVELS) {
    const live = Prisma.sql`SELECT * FROM (${ancestorSumsSql(length, null, windowPeriodsSql(window), window.current)}) AS sums WHERE value > 0`;
    const stored = Prisma.sql`SELECT area_code, period, indicator, breakdown, value FROM indicator_rollups
      WHERE level = ${level} AND ${windowPeriodsSql(window)}`;
    found.push(...(await db().$queryRaw<Row[]>(differencesSql(live, stored))).map(toDifference));
  }
  return found;
}
