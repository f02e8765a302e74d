import { z } from "zod";
import { MONTH_PATTERN } from "@/lib/domain/months";

// The dashboard's state lives in the URL (/dashboard?area=…&month=…&sort=…&dir=…&trend=…), so it works
// without JavaScript. A bad value falls back to its default: an odd link shows the default view.

/** The sub-area table's columns, which are also its only sort keys (the allowlist). */
export const TABLE_COLUMNS = ["children", "visitCoverage", "visitsOverdue", "redRisk", "directorCoverage", "referralsMade", "reportsRaised"] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];
export const SORT_KEYS = ["name", ...TABLE_COLUMNS] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Indicators the trend chart can show, one at a time. */
export const TREND_KEYS = ["children", "visitCoverage", "visitsOverdue", "redRisk", "referralsMade", "reportsRaised", "groupSessions"] as const;
export type TrendKey = (typeof TREND_KEYS)[number];

const optionalArea = z
  .union([z.literal(""), z.string().regex(/^\d{12}$/)])
  .optional()
  .transform((value) => value || undefined)
  .catch(undefined);

export const dashboardQuerySchema = z.strictObject({
  area: optionalArea,
  month: z.string().regex(MONTH_PATTERN).optional().catch(undefined),
  // Worst first by default: the lowest visit coverage on top.
  sort: z.enum(SORT_KEYS).catch("visitCoverage").default("visitCoverage"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  trend: z.enum(TREND_KEYS).catch("visitCoverage").default("visitCoverage"),
});
export type DashboardQuery = z.output<typeof dashboardQuerySchema>;

export const indicatorExportSchema = dashboardQuerySchema.extend({
  format: z.enum(["csv", "xlsx"]).catch("csv").default("csv"),
});
export type IndicatorExportQuery = z.output<typeof indicatorExportSchema>;

/**
 * Next's searchParams (string, string[] or absent per key) to a query; a repeated key takes its first
 * value, and an unknown key resets the whole query: an odd link shows the default view, never an error.
 */
export function parseDashboardQuery(params: Record<string, string | string[] | undefined>): DashboardQuery {
  const flat = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = dashboardQuerySchema.safeParse(flat);
  return parsed.success ? parsed.data : dashboardQuerySchema.parse({});
}

/** The URL query of a dashboard view, leaving out defaults so links stay short. */
export function dashboardHref(query: Partial<DashboardQuery>): string {
  const params = new URLSearchParams();
  if (query.area) params.set("area", query.area);
  if (query.month) params.set("month", query.month);
  if (query.sort && query.sort !== "visitCoverage") params.set("sort", query.sort);
  if (query.dir && query.dir !== "asc") params.set("dir", query.dir);
  if (query.trend && query.trend !== "visitCoverage") params.set("trend", query.trend);
  const text = params.toString();
  return text ? `/dashboard?${text}` : "/dashboard";
}
