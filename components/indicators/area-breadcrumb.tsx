import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";
import type { DashboardArea } from "@/lib/server/indicators/area";
import { dashboardHref, type DashboardQuery } from "@/lib/schemas/indicators";

/** County › township › village: each step but the last links back up, keeping the month and sort. */
export function AreaBreadcrumb({ area, query, t }: { area: DashboardArea; query: DashboardQuery; t: Translate }) {
  return (
    <nav aria-label={t("indicators.breadcrumb")} data-testid="area-breadcrumb">
      <ol className="flex flex-wrap items-center gap-x-1 text-sm text-slate-600">
        {area.trail.map((step, i) => {
          const name = step.name ?? t("indicators.nation");
          const last = i === area.trail.length - 1;
          return (
            <li key={step.code || "nation"} className="flex items-center gap-1">
              {i > 0 && <span aria-hidden="true">›</span>}
              {last ? (
                <span aria-current="page" className="font-medium text-slate-900">{name}</span>
              ) : (
                <Link className="inline-flex min-h-11 items-center text-brand-700 underline" href={dashboardHref({ ...query, area: step.code || undefined })}>
                  {name}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
