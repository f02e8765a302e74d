import "server-only";
import { childLevel, codeOfPrefix, levelLength, levelOfPrefixLength, shortAreaName } from "@/lib/domain/area-code";
import { todayInChina } from "@/lib/domain/dates";
import { assertCan } from "../access/policy";
import { scopePattern } from "../access/scope";
import { db } from "../db";
import type { Actor } from "../session";

/** Counts under 5 are hidden in aggregate views above county level (domain.md, "Indicators"). */
export const SMALL_COUNT = 5;

export type Count = number | "suppressed";

export type SubAreaRow = {
  code: string;
  name: string;
  children: Count;
  overdueVisits: Count;
  redRisk: Count;
  villages: number;
  villagesWithDirector: number;
};

export type AreaOverview = {
  level: string;
  subLevel: string | null;
  totals: { children: Count; overdueVisits: Count; redRisk: Count; villages: number; villagesWithDirector: number };
  byCategory: { category: string; children: Count }[];
  subAreas: SubAreaRow[];
};

function suppress(value: number, active: boolean): Count {
  return active && value > 0 && value < SMALL_COUNT ? "suppressed" : value;
}

/**
 * Live aggregates for the actor's jurisdiction, one row per next-level area. Issue 6 replaces these
 * scans with rollups; the shape stays.
 */
export async function getAreaOverview(actor: Actor): Promise<AreaOverview> {
  await assertCan(actor, "read", "aggregate");
  const pattern = scopePattern(actor);
  const level = levelOfPrefixLength(actor.scopePrefix.length) ?? "NATION";
  const subLevel = level === "VILLAGE" || level === "NATION" ? (level === "NATION" ? "PROVINCE" : null) : childLevel(level);
  const subLen = subLevel ? levelLength(subLevel) : 12;
  const today = todayInChina();
  // Above county level (province, nation) small counts identify children: suppress them.
  const suppressSmall = actor.scopePrefix.length < 6;

  const [childRows, villageRows, categoryRows, areas] = await Promise.all([
    db().$queryRaw<{ prefix: string; children: bigint; overdue: bigint; red: bigint }[]>`
      SELECT substr(area_code, 1, ${subLen}::int) AS prefix,
             count(*) AS children,
             count(*) FILTER (WHERE next_visit_on < ${today}::date) AS overdue,
             count(*) FILTER (WHERE risk_level = 'RED') AS red
      FROM children WHERE area_code LIKE ${pattern} AND status = 'ACTIVE' GROUP BY 1`,
    db().$queryRaw<{ prefix: string; villages: bigint; covered: bigint }[]>`
      SELECT substr(a.code, 1, ${subLen}::int) AS prefix,
             count(*) AS villages,
             count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM users u WHERE u.area_code = a.code AND u.role = 'VILLAGE_DIRECTOR' AND u.is_active)) AS covered
      FROM admin_areas a WHERE a.level = 'VILLAGE' AND a.code LIKE ${pattern} AND a.valid_to IS NULL GROUP BY 1`,
    db().$queryRaw<{ category: string; children: bigint }[]>`
      SELECT cc.category::text AS category, count(DISTINCT cc.child_id) AS children
      FROM child_categories cc JOIN children c ON c.id = cc.child_id
      WHERE cc.area_code LIKE ${pattern} AND cc.end_date IS NULL AND c.status = 'ACTIVE'
        AND cc.category <> 'HIV_AFFECTED'
      GROUP BY 1 ORDER BY 2 DESC`,
    subLevel
      ? db().adminArea.findMany({
          where: {
            level: subLevel,
            validTo: null,
            ...(actor.scopePrefix ? { parentCode: codeOfPrefix(actor.scopePrefix) } : {}),
          },
          select: { code: true, name: true },
          orderBy: { code: "asc" },
        })
      : Promise.resolve([]),
  ]);

  const byPrefix = new Map(childRows.map((r) => [r.prefix, r]));
  const villagesByPrefix = new Map(villageRows.map((r) => [r.prefix, r]));
  const subAreas: SubAreaRow[] = areas.map((area) => {
    const prefix = area.code.slice(0, subLen);
    const c = byPrefix.get(prefix);
    const v = villagesByPrefix.get(prefix);
    return {
      code: area.code,
      name: shortAreaName(area.name),
      children: suppress(Number(c?.children ?? 0), suppressSmall),
      overdueVisits: suppress(Number(c?.overdue ?? 0), suppressSmall),
      redRisk: suppress(Number(c?.red ?? 0), suppressSmall),
      villages: Number(v?.villages ?? 0),
      villagesWithDirector: Number(v?.covered ?? 0),
    };
  });
  const sum = (pick: (r: (typeof childRows)[number]) => bigint) => childRows.reduce((acc, r) => acc + Number(pick(r)), 0);
  return {
    level,
    subLevel,
    totals: {
      children: suppress(sum((r) => r.children), suppressSmall),
      overdueVisits: suppress(sum((r) => r.overdue), suppressSmall),
      redRisk: suppress(sum((r) => r.red), suppressSmall),
      villages: villageRows.reduce((acc, r) => acc + Number(r.villages), 0),
      villagesWithDirector: villageRows.reduce((acc, r) => acc + Number(r.covered), 0),
    },
    byCategory: categoryRows.map((r) => ({ category: r.category, children: suppress(Number(r.children), suppressSmall) })),
    subAreas,
  };
}

