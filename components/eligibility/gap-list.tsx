import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ageOn } from "@/lib/domain/dates";
import type { Translate } from "@/lib/i18n/translate";
import type { BenefitGap } from "@/lib/server/eligibility/gaps";
import { reasonText } from "./reason-text";

const APPLY =
  "inline-flex min-h-11 shrink-0 items-center justify-center rounded-lg bg-brand-600 px-5 text-base font-semibold text-white hover:bg-brand-700";

/**
 * One row per child and benefit she may be missing, with the rule's reasons. The director applies from
 * the row: this button, then submit on the form (two taps).
 */
export function GapList({ items, today, canApply, showVillage, t }: { items: BenefitGap[]; today: string; canApply: boolean; showVillage: boolean; t: Translate }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="gap-list">
      {items.map((gap) => (
        <li key={`${gap.childId}:${gap.benefit}`} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-x-2">
              <Link href={`/children/${gap.childId}`} className="inline-flex min-h-11 items-center text-base font-medium text-brand-700 underline-offset-2 hover:underline">
                {gap.childName}
              </Link>
              <span className="text-sm text-slate-500">
                {showVillage && `${gap.areaName} · `}
                {t("workbench.age", { age: ageOn(gap.dateOfBirth, today) })}
              </span>
              <Badge tone="yellow">{t(`benefit.${gap.benefit}`)}</Badge>
            </div>
            <p className="text-sm text-slate-700">{t("eligibility.gaps.because", { reasons: reasonText(gap.reasons, t) })}</p>
          </div>
          {canApply && (
            <Link
              href={`/children/${gap.childId}/entitlements/new?benefit=${gap.benefit}`}
              className={APPLY}
              aria-label={t("eligibility.gaps.applyFor", { name: gap.childName, benefit: t(`benefit.${gap.benefit}`) })}
            >
              {t("eligibility.gaps.apply")}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}
