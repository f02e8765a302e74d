import "server-only";
import { levelLength, shortAreaName } from "@/lib/domain/area-code";
import { TREND_MONTHS } from "@/lib/domain/indicators";
import { addMonths, currentMonth, monthStart } from "@/lib/domain/months";
import type { DashboardQuery, SortKey, TableColumn, TrendKey } from "@/lib/schemas/indicators";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db } from "../db";
import type { Actor } from "../session";
import { resolveDashboardArea, type DashboardArea } from "./area";
import { key, TABLE_KEYS, toCards, toTableFigures, type IndicatorCards } from "./figures";
import { compareFigures, type Figure } from "./stats";

export type SubAreaRow = { code: string; name: string; figures: Record<TableColumn, Figure> };
export type TrendPoint = { month: string; value: Figure };

export type IndicatorDashboard = {
  area: DashboardArea;
  month: string;
  suppressed: boolean;
  cards: IndicatorCards;
  subAreas: SubAreaRow[];
  trend: { indicator: TrendKey; points: TrendPoint[] };
};

/** Above county level (province, prefecture, nation) small counts identify children: suppress them. */
const suppressesFor = (actor: Actor) => actor.scopePrefix.length < 6;

const periodOf = (month: string) => new Date(`${monthStart(month)}T00:00:00Z`);

function countsByArea(rows: { areaCode: string; indicator: string; breakdown: string; value: bigint }[]) {
  const byArea = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const counts = byArea.get(row.areaCode) ?? new Map<string, number>();
    counts.set(key(row.indicator, row.breakdown), Number(row.value));
    byArea.set(row.areaCode, counts);
  }
  return byArea;
}

/**
 * The next-level areas of `area` with the main indicators, sorted by an allowlisted column (ties by code).
 * Sorting uses the figures as shown, so suppressed cells never leak an order among themselves.
 */
export async function readSubAreaTable(actor: Actor, area: DashboardArea, month: string, sort: SortKey, dir: "asc" | "desc"): Promise<SubAreaRow[]> {
  await assertCan(actor, "read", "aggregate");
  if (!area.subLevel) return [];
  const subLevel = area.subLevel;
  const inArea = { areaCode: { startsWith: area.prefix } };
  const [areas, rows] = await Promise.all([
    db().adminArea.findMany({
      where: { AND: [{ code: { startsWith: actor.scopePrefix } }, { code: { startsWith: area.prefix } }], level: subLevel, validTo: null },
      select: { code: true, name: true },
      orderBy: { code: "asc" },
    }),
    db().indicatorRollup.findMany({
      where: {
        AND: [scopeWhere(actor), inArea],
        level: subLevel,
        period: periodOf(month),
        OR: TABLE_KEYS.map(([indicator, breakdown]) => ({ indicator, breakdown })),
      },
      select: { areaCode: true, indicator: true, breakdown: true, value: true },
    }),
  ]);
  const byArea = countsByArea(rows);
  const suppress = suppressesFor(actor);
  const table = areas
    .filter((a) => a.code.slice(0, levelLength(subLevel)).startsWith(area.prefix))
    .map((a) => {
      const { groupSessions: _unused, ...figures } = toTableFigures(byArea.get(a.code) ?? new Map(), suppress);
      return { code: a.code, name: shortAreaName(a.name), figures };
    });
  return table.sort((a, b) => {
    const order = sort === "name" ? a.name.localeCompare(b.name, "zh-CN") * (dir === "asc" ? 1 : -1) : compareFigures(a.figures[sort], b.figures[sort], dir);
    return order || a.code.localeCompare(b.code);
  });
}

/** The dashboard of one area in the actor's jurisdiction and one month; one audit row per call. */
export async function getIndicatorDashboard(actor: Actor, query: DashboardQuery): Promise<IndicatorDashboard> {
  await assertCan(actor, "read", "aggregate");
  const area = await resolveDashboardArea(actor, query.area, "read");
  const month = query.month ?? currentMonth();
  const firstTrendMonth = addMonths(month, -(TREND_MONTHS - 1));
  const suppress = suppressesFor(actor);
  const [own, trendRows, subAreas] = await Promise.all([
    db().indicatorRollup.findMany({
      where: { AND: [scopeWhere(actor), { areaCode: area.code }], period: periodOf(month) },
      select: { areaCode: true, indicator: true, breakdown: true, value: true },
    }),
    db().indicatorRollup.findMany({
      where: {
        AND: [scopeWhere(actor), { areaCode: area.code }],
        period: { gte: periodOf(firstTrendMonth), lte: periodOf(month) },
        OR: TABLE_KEYS.map(([indicator, breakdown]) => ({ indicator, breakdown })),
      },
      select: { period: true, indicator: true, breakdown: true, value: true },
    }),
    readSubAreaTable(actor, area, month, query.sort, query.dir),
  ]);
  const byMonth = countsByArea(trendRows.map((r) => ({ ...r, areaCode: r.period.toISOString().slice(0, 7) })));
  const points = Array.from({ length: TREND_MONTHS }, (_, i) => addMonths(firstTrendMonth, i)).map((m) => ({
    month: m,
    value: byMonth.has(m) ? toTableFigures(byMonth.get(m)!, suppress)[query.trend] : null,
  }));
  await db().$transaction((tx) => writeAudit(tx, actor, { action: "read", entity: "aggregate", areaCode: area.code || actor.areaCode, details: { area: area.code, month } }));
  return {
    area,
    month,
    suppressed: suppress,
    cards: toCards(countsByArea(own).get(area.code) ?? new Map(), suppress),
    subAreas,
    trend: { indicator: query.trend, points },
  };
}
