import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "../db";
import { eligibleRowsSql } from "./eligible";
import { FLOW_IDS, type Window } from "./periods";
import { flowRowsSql, stockRowsSql } from "./village-rows";

// Writes of indicator_rollups. Village rows are replaced (delete + insert, since a count that falls to 0 has
// no row); upper levels are sums of village rows, upserted, with rows no longer produced deleted.

type Client = Pick<Tx, "$executeRaw" | "$queryRaw">;

const ANCESTOR_LEVELS = [
  { length: 9, level: "TOWNSHIP" },
  { length: 6, level: "COUNTY" },
  { length: 4, level: "PREFECTURE" },
  { length: 2, level: "PROVINCE" },
  { length: 0, level: "NATION" },
] as const;

/**
 * Replaces the village rows of `villages`: stock for window.current (benefit_eligible counted in memory
 * first), flow for every month of the window.
 */
export async function writeVillageRows(tx: Client, villages: string[], window: Window): Promise<void> {
  await tx.$executeRaw`
    DELETE FROM indicator_rollups WHERE level = 'VILLAGE' AND area_code = ANY(${villages}::text[])
      AND (period = ${window.current}::date
           OR (period >= ${window.flowFrom}::date AND period < ${window.flowTo}::date AND indicator = ANY(${FLOW_IDS}::text[])))`;
  const eligible = await eligibleRowsSql(tx, villages, window.today, window.current);
  for (const rows of [stockRowsSql(villages, window.today, window.current), eligible, flowRowsSql(villages, window.flowFrom, window.flowTo)]) {
    await tx.$executeRaw`
      INSERT INTO indicator_rollups (area_code, level, province_code, period, indicator, breakdown, value, updated_at)
      SELECT area_code, 'VILLAGE', left(area_code, 2), period, indicator, breakdown, value, now() FROM (${rows}) AS computed`;
  }
}

/**
 * The sums for one ancestor level: village rows grouped by the level's prefix, plus "townships" and
 * "supervisors" counted from admin_areas and users (they are not village facts). `prefixes` null = every area.
 */
export function ancestorSumsSql(length: number, prefixes: string[] | null, periods: Prisma.Sql, current: string): Prisma.Sql {
  const code = (column: Prisma.Sql) => (length === 0 ? Prisma.sql`''::text` : Prisma.sql`rpad(left(${column}, ${length}::int), 12, '0')`);
  const within = (column: Prisma.Sql) => (prefixes ? Prisma.sql`left(${column}, ${length}::int) = ANY(${prefixes}::text[])` : Prisma.sql`TRUE`);
  return Prisma.sql`
    SELECT ${code(Prisma.sql`area_code`)} AS area_code, period, indicator, breakdown, sum(value)::bigint AS value
      FROM indicator_rollups WHERE level = 'VILLAGE' AND ${within(Prisma.sql`area_code`)} AND ${periods}
      GROUP BY 1, 2, 3, 4
    UNION ALL SELECT ${code(Prisma.sql`code`)}, ${current}::date, 'townships', '', count(*) FROM admin_areas
      WHERE level = 'TOWNSHIP' AND valid_to IS NULL AND ${within(Prisma.sql`code`)} GROUP BY 1
    UNION ALL SELECT ${code(Prisma.sql`area_code`)}, ${current}::date, 'supervisors', '', count(*) FROM users
      WHERE role = 'TOWNSHIP_SUPERVISOR' AND is_active AND length(area_code) = 12 AND ${within(Prisma.sql`area_code`)} GROUP BY 1`;
}

/** The stored periods a window covers: every indicator of the current month, flow ones of earlier months. */
export function windowPeriodsSql(window: Window): Prisma.Sql {
  return Prisma.sql`(period = ${window.current}::date
    OR (period >= ${window.flowFrom}::date AND period < ${window.flowTo}::date AND indicator = ANY(${FLOW_IDS}::text[])))`;
}

/** Recomputes the ancestors (township to nation) of `codes` (null: all areas) for the window's periods. */
export async function writeAncestorRows(tx: Client, codes: string[] | null, window: Window): Promise<void> {
  const periods = windowPeriodsSql(window);
  for (const { length, level } of ANCESTOR_LEVELS) {
    const prefixes = codes ? [...new Set(codes.map((c) => c.slice(0, length)))] : null;
    const within = prefixes ? Prisma.sql`left(r.area_code, ${length}::int) = ANY(${prefixes}::text[])` : Prisma.sql`TRUE`;
    await tx.$executeRaw`
      WITH sums AS (${ancestorSumsSql(length, prefixes, periods, window.current)}),
      upserted AS (
        INSERT INTO indicator_rollups (area_code, level, province_code, period, indicator, breakdown, value, updated_at)
        SELECT area_code, ${level}, CASE WHEN area_code = '' THEN '00' ELSE left(area_code, 2) END, period, indicator, breakdown, value, now()
        FROM sums WHERE value > 0
        ON CONFLICT (area_code, period, indicator, breakdown)
          DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at WHERE indicator_rollups.value <> EXCLUDED.value
      )
      DELETE FROM indicator_rollups r WHERE r.level = ${level} AND ${within} AND ${windowPeriodsSql(window)}
        AND NOT EXISTS (SELECT 1 FROM sums s WHERE s.value > 0 AND s.area_code = r.area_code AND s.period = r.period
                          AND s.indicator = r.indicator AND s.breakdown = r.breakdown)`;
  }
}
