import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { Translate } from "@/lib/i18n/translate";
import type { EntitlementListItem } from "@/lib/server/entitlements/queries";
import { statusTone } from "./status-tone";

/** Applications with their child, benefit and state; overdue and "applied without eligibility" stand out. */
export function EntitlementList({ items, t }: { items: EntitlementListItem[]; t: Translate }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">{t("entitlement.empty")}</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="entitlement-list">
      {items.map((e) => (
        <li key={e.id}>
          <Link href={`/entitlements/${e.id}`} className="flex min-h-14 items-center justify-between gap-2 py-2 hover:bg-slate-50">
            <div className="min-w-0">
              <div className="truncate font-medium">
                {e.childName} <span className="text-sm font-normal text-slate-500">· {e.areaName}</span>
              </div>
              <div className="truncate text-sm text-slate-600">
                {t(`benefit.${e.benefit}`)} · {t("entitlement.appliedOn", { date: e.appliedOn })}
              </div>
            </div>
            <div className="flex shrink-0 flex-col items-end gap-1">
              <Badge tone={statusTone(e.status)}>{t(`entitlementStatus.${e.status}`)}</Badge>
              {e.isOverdue ? <Badge tone="red">{t("entitlement.overdue")}</Badge> : e.dueOn && <span className="text-xs text-slate-500">{t("entitlement.dueOn", { date: e.dueOn })}</span>}
              {!e.eligibleOnApply && (
                <span data-testid="flagged">
                  <Badge tone="yellow">{t("entitlement.flagged")}</Badge>
                </span>
              )}
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
