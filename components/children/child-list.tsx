import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { Translate } from "@/lib/i18n/translate";
import type { ChildListItem } from "@/lib/server/children/dto";
import { RiskBadge } from "./risk-badge";

/** Rows of children: name, sex, age, village, categories (never the protected one: the DTO drops it), next visit. */
export function ChildList({ items, t }: { items: ChildListItem[]; t: Translate }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="child-list">
      {items.map((child) => (
        <li key={child.id}>
          <Link href={`/children/${child.id}`} className="flex min-h-16 items-center gap-3 py-3 hover:bg-slate-50">
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-x-2">
                <span className="text-base font-medium">{child.name}</span>
                <span className="text-sm text-slate-500">
                  {t(`sex.${child.sex}`)} · {t("workbench.age", { age: child.age })} · {child.areaName}
                </span>
              </div>
              {child.categories.length > 0 && (
                <div className="mt-1 flex flex-wrap gap-1">
                  {child.categories.map((category) => (
                    <Badge key={category}>{t(`categories.${category}`)}</Badge>
                  ))}
                </div>
              )}
              <div className={`mt-1 text-xs ${child.isVisitOverdue ? "font-medium text-red-700" : "text-slate-500"}`}>
                {child.nextVisitOn ? t("workbench.nextVisit", { date: child.nextVisitOn }) : t("workbench.noNextVisit")}
                {child.isVisitOverdue && ` · ${t("workbench.overdueDays", { days: child.overdueDays })}`}
              </div>
            </div>
            <RiskBadge level={child.riskLevel} t={t} />
          </Link>
        </li>
      ))}
    </ul>
  );
}
