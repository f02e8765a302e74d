import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { Translate } from "@/lib/i18n/translate";
import type { ReviewTask } from "@/lib/server/eligibility/gaps";
import { reasonText } from "./reason-text";

/** Benefits a child still has (or is applying for) although the rule no longer holds; the county decides on the benefit's page. */
export function ReviewList({ items, showVillage, t }: { items: ReviewTask[]; showVillage: boolean; t: Translate }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="review-list">
      {items.map((task) => (
        <li key={task.entitlementId}>
          <Link href={`/entitlements/${task.entitlementId}`} className="flex min-h-14 flex-col gap-1 py-3 hover:bg-slate-50">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <span className="text-base font-medium">{task.childName}</span>
              {showVillage && <span className="text-sm text-slate-500">{task.areaName}</span>}
              <Badge tone="blue">{t(`benefit.${task.benefit}`)}</Badge>
              <Badge>{t(`entitlementStatus.${task.status}`)}</Badge>
            </div>
            <p className="text-sm text-slate-700">{t("eligibility.review.why", { reasons: reasonText(task.reasons, t) })}</p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
