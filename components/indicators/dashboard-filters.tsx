import { Button } from "@/components/ui/button";
import type { Translate } from "@/lib/i18n/translate";
import { TREND_KEYS, type DashboardQuery } from "@/lib/schemas/indicators";

/** A plain GET form: the month and the trend's indicator go into the URL, so it works without JavaScript. */
export function DashboardFilters({ query, month, t }: { query: DashboardQuery; month: string; t: Translate }) {
  return (
    <form method="get" action="/dashboard" className="flex flex-wrap items-end gap-2" data-testid="dashboard-filters">
      {query.area && <input type="hidden" name="area" value={query.area} />}
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <label className="flex flex-col text-sm">
        <span className="text-slate-600">{t("indicators.month")}</span>
        <input type="month" name="month" defaultValue={month} className="min-h-11 rounded-lg border border-slate-300 px-3" />
      </label>
      <label className="flex flex-col text-sm">
        <span className="text-slate-600">{t("indicators.trend.indicator")}</span>
        <select name="trend" defaultValue={query.trend} className="min-h-11 rounded-lg border border-slate-300 px-3">
          {TREND_KEYS.map((k) => (
            <option key={k} value={k}>
              {t(`indicators.columns.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" variant="secondary">
        {t("indicators.show")}
      </Button>
    </form>
  );
}
