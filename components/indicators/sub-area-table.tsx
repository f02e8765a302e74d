import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { Translate } from "@/lib/i18n/translate";
import type { SubAreaRow } from "@/lib/server/indicators/queries";
import { dashboardHref, TABLE_COLUMNS, type DashboardQuery, type SortKey, type TableColumn } from "@/lib/schemas/indicators";
import { showFigure } from "./figure";

const PERCENT: ReadonlySet<TableColumn> = new Set(["visitCoverage", "directorCoverage"]);

type Props = { rows: SubAreaRow[]; query: DashboardQuery; month: string; t: Translate };

/** Clicking the sorted column again flips the direction; another column starts ascending (worst first). */
function sortHref(query: DashboardQuery, key: SortKey) {
  const dir = query.sort === key && query.dir === "asc" ? "desc" : "asc";
  return dashboardHref({ ...query, sort: key, dir });
}

function SortLink({ query, column, label, t }: { query: DashboardQuery; column: SortKey; label: string; t: Translate }) {
  const active = query.sort === column;
  const arrow = active ? (query.dir === "asc" ? " ↑" : " ↓") : "";
  return (
    <Link
      href={sortHref(query, column)}
      className={`inline-flex min-h-11 items-center underline-offset-2 hover:underline ${active ? "font-semibold text-slate-900" : ""}`}
      aria-label={t("indicators.table.sortBy", { column: label })}
      aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}
      data-testid={`sort-${column}`}
    >
      {label}
      {arrow}
    </Link>
  );
}

export function SubAreaTable({ rows, query, month, t }: Props) {
  const cell = (row: SubAreaRow, c: TableColumn) => showFigure(row.figures[c], t, PERCENT.has(c) ? "%" : "");
  const drill = (code: string) => dashboardHref({ ...query, area: code, month });
  const exportHref = (format: "csv" | "xlsx") => {
    const params = new URLSearchParams({ month, sort: query.sort, dir: query.dir, format });
    if (query.area) params.set("area", query.area);
    return `/api/v1/indicators/export?${params.toString()}`;
  };
  const columns = TABLE_COLUMNS.map((c) => ({ c, label: t(`indicators.columns.${c}`) }));
  return (
    <Card title={t("indicators.table.title")}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("indicators.table.empty")}</p>
      ) : (
        <div className="space-y-3">
          <p className="text-xs text-slate-500">{t("indicators.table.worstFirst")}</p>
          {/* Phones: one card per area, and the sort keys as a wrapping row of links. */}
          <div className="flex flex-wrap gap-x-3 text-sm text-brand-700 md:hidden">
            {columns.map(({ c, label }) => (
              <SortLink key={c} query={query} column={c} label={label} t={t} />
            ))}
          </div>
          <ul className="space-y-2 md:hidden" data-testid="sub-area-cards">
            {rows.map((row) => (
              <li key={row.code} className="rounded-lg bg-slate-50 p-3">
                <Link href={drill(row.code)} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline" data-testid="drill-link">
                  {row.name}
                </Link>
                <dl className="grid grid-cols-2 gap-x-3 text-sm">
                  {columns.map(({ c, label }) => (
                    <div key={c} className="flex justify-between gap-2">
                      <dt className="text-slate-600">{label}</dt>
                      <dd className="tabular-nums">{cell(row, c)}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ul>
          <table className="hidden w-full text-sm md:table" data-testid="sub-area-table">
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
                <th className="py-1 pr-2 font-medium">
                  <SortLink query={query} column="name" label={t("indicators.table.area")} t={t} />
                </th>
                {columns.map(({ c, label }) => (
                  <th key={c} className="py-1 pr-2 text-right font-medium">
                    <SortLink query={query} column={c} label={label} t={t} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.code} className="border-b border-slate-100">
                  <td className="py-2 pr-2">
                    <Link href={drill(row.code)} className="text-brand-700 underline" data-testid="drill-link">
                      {row.name}
                    </Link>
                  </td>
                  {columns.map(({ c }) => (
                    <td key={c} className="py-2 pr-2 text-right tabular-nums">
                      {cell(row, c)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="flex flex-wrap gap-2" aria-label={t("indicators.export.title")}>
            <a href={exportHref("csv")} download className="inline-flex min-h-11 items-center rounded-lg px-4 ring-1 ring-slate-300" data-testid="export-csv">
              {t("indicators.export.csv")}
            </a>
            <a href={exportHref("xlsx")} download className="inline-flex min-h-11 items-center rounded-lg px-4 ring-1 ring-slate-300" data-testid="export-xlsx">
              {t("indicators.export.xlsx")}
            </a>
          </div>
        </div>
      )}
    </Card>
  );
}
