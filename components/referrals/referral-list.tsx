import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { Translate } from "@/lib/i18n/translate";
import type { ReferralListItem } from "@/lib/server/referrals/queries";

export function ReferralList({ items, t }: { items: ReferralListItem[]; t: Translate }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">{t("referral.empty")}</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="referral-list">
      {items.map((r) => (
        <li key={r.id}>
          <Link href={`/referrals/${r.id}`} className="flex min-h-14 items-center justify-between gap-2 py-2 hover:bg-slate-50">
            <div className="min-w-0">
              <div className="truncate font-medium">
                {r.childName} <span className="text-sm font-normal text-slate-500">· {r.areaName}</span>
              </div>
              <div className="truncate text-sm text-slate-600">
                {t(`referralType.${r.type}`)} · {r.agency}
              </div>
            </div>
            <div className="flex shrink-0 flex-col items-end gap-1">
              <Badge>{t(`referralStatus.${r.status}`)}</Badge>
              {r.isOverdue ? <Badge tone="red">{t("referral.overdue")}</Badge> : r.dueOn && <span className="text-xs text-slate-500">{t("referral.dueOn", { date: r.dueOn })}</span>}
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
