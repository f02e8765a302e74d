import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import type { Translate } from "@/lib/i18n/translate";
import type { AreaOverview, Count } from "@/lib/server/dashboard/queries";

function show(value: Count, t: Translate) {
  return value === "suppressed" ? t("dashboard.suppressed") : value.toLocaleString("zh-CN");
}

function percent(part: number, total: number) {
  return total ? `${Math.round((part / total) * 100)}%` : "—";
}

export function AreaOverviewView({ overview, t }: { overview: AreaOverview; t: Translate }) {
  const { totals } = overview;
  const hasSuppressed = [totals.children, ...overview.subAreas.map((a) => a.children)].includes("suppressed");
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-2 md:grid-cols-4 md:gap-4">
        <Stat label={t("dashboard.children")} value={show(totals.children, t)} />
        <Stat label={t("dashboard.overdueVisits")} value={show(totals.overdueVisits, t)} tone="alert" />
        <Stat label={t("dashboard.redRisk")} value={show(totals.redRisk, t)} tone="alert" />
        <Stat
          label={t("dashboard.directorCoverage")}
          value={percent(totals.villagesWithDirector, totals.villages)}
          detail={t("dashboard.coverageDetail", { covered: totals.villagesWithDirector, total: totals.villages })}
        />
      </div>
      {overview.subAreas.length > 0 && (
        <Card title={t("dashboard.subAreas")}>
          <div className="-mx-4 overflow-x-auto px-4">
            <table className="w-full min-w-[480px] text-sm" data-testid="sub-areas">
              <thead>
                <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
                  <th className="py-2 pr-2 font-medium">{t("dashboard.area")}</th>
                  <th className="py-2 pr-2 text-right font-medium">{t("dashboard.children")}</th>
                  <th className="py-2 pr-2 text-right font-medium">{t("dashboard.overdueVisits")}</th>
                  <th className="py-2 pr-2 text-right font-medium">{t("dashboard.redRisk")}</th>
                  <th className="py-2 text-right font-medium">{t("dashboard.directorCoverage")}</th>
                </tr>
              </thead>
              <tbody>
                {overview.subAreas.map((area) => (
                  <tr key={area.code} className="border-b border-slate-100">
                    <td className="py-2 pr-2">{area.name}</td>
                    <td className="py-2 pr-2 text-right tabular-nums">{show(area.children, t)}</td>
                    <td className="py-2 pr-2 text-right tabular-nums">{show(area.overdueVisits, t)}</td>
                    <td className="py-2 pr-2 text-right tabular-nums">{show(area.redRisk, t)}</td>
                    <td className="py-2 text-right tabular-nums">{percent(area.villagesWithDirector, area.villages)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
      <Card title={t("dashboard.byCategory")}>
        {overview.byCategory.length === 0 ? (
          <p className="text-sm text-slate-600">{t("dashboard.noData")}</p>
        ) : (
          <ul className="grid gap-2 sm:grid-cols-2">
            {overview.byCategory.map((row) => (
              <li key={row.category} className="flex items-center justify-between gap-2 rounded-lg bg-slate-50 px-3 py-2 text-sm">
                <span>{t(`categories.${row.category}`)}</span>
                <span className="font-semibold tabular-nums">{show(row.children, t)}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <p className="text-xs text-slate-500">
        {t("dashboard.liveNote")} {hasSuppressed || overview.level === "PROVINCE" || overview.level === "NATION" ? t("dashboard.suppressedNote") : ""}
      </p>
    </div>
  );
}
