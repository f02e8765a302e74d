import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { Translate } from "@/lib/i18n/translate";
import type { ApprovalQueueItem } from "@/lib/server/referrals/queries";

/** Referrals waiting for the supervisor's decision, the longest waiting first; past the deadline in red. */
export function ApprovalQueue({ items, t }: { items: ApprovalQueueItem[]; t: Translate }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">{t("township.noPending")}</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="approval-queue">
      {items.map((r) => (
        <li key={r.id} className={r.isOverdue ? "bg-red-50" : ""}>
          <Link href={`/referrals/${r.id}`} className="flex min-h-14 items-center justify-between gap-2 px-1 py-2 hover:bg-slate-50">
            <div className="min-w-0">
              <div className="font-medium">
                {r.childName} <span className="text-sm font-normal text-slate-500">· {r.areaName}</span>
              </div>
              <div className="text-sm text-slate-600">
                {t(`referralType.${r.type}`)} · {t("townshipWork.waiting", { days: r.daysWaiting })}
              </div>
            </div>
            {r.dueOn && <Badge tone={r.isOverdue ? "red" : "gray"}>{r.isOverdue ? t("townshipWork.overdue", { date: r.dueOn }) : t("township.due", { date: r.dueOn })}</Badge>}
          </Link>
        </li>
      ))}
    </ul>
  );
}
