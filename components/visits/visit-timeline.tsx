import Link from "next/link";
import { RiskBadge } from "@/components/children/risk-badge";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { CheckStatusName } from "@/lib/domain/enums";
import type { Translate } from "@/lib/i18n/translate";
import type { VisitListItem } from "@/lib/server/visits/queries";
import { ReferralDraftButton } from "./referral-draft-button";

const CHECK_TONE: Record<CheckStatusName, BadgeTone> = { FINE: "green", CONCERN: "yellow", URGENT: "red" };

/** A child's visits, newest first: checks as coloured chips, needs with their referral-draft buttons. */
export function VisitTimeline({ visits, canDraft, t }: { visits: VisitListItem[]; canDraft: boolean; t: Translate }) {
  if (visits.length === 0) return <p className="text-sm text-slate-600">{t("visit.timeline.empty")}</p>;
  return (
    <ol className="space-y-4 border-l-2 border-slate-200 pl-4" data-testid="visit-timeline">
      {visits.map((v) => (
        <li key={v.id} className="space-y-2 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{v.visitedOn}</span>
            <span className="text-slate-600">{t(`visitType.${v.type}`)}</span>
            <RiskBadge level={v.riskLevel} t={t} />
            {v.hasMandatoryReport && <Badge tone="red">{t("visit.timeline.report")}</Badge>}
            {v.canEdit && (
              <Link href={`/visits/${v.id}/edit`} className="ml-auto inline-flex min-h-11 items-center px-2 text-brand-700 underline">
                {t("visit.timeline.edit")}
              </Link>
            )}
          </div>
          <ul className="flex flex-wrap gap-1">
            {v.checks
              .filter((c) => c.status)
              .map((c) => (
                <li key={c.domain}>
                  <Badge tone={CHECK_TONE[c.status!]}>
                    {t(`visitDomain.${c.domain}`)}：{t(`check.${c.status}`)}
                  </Badge>
                </li>
              ))}
          </ul>
          {v.checks
            .filter((c) => c.note)
            .map((c) => (
              <p key={c.domain} className="text-slate-700">
                <span className="text-slate-500">{t(`visitDomain.${c.domain}`)}：</span>
                {c.note}
              </p>
            ))}
          {v.notes && <p className="whitespace-pre-wrap text-slate-700">{v.notes}</p>}
          {v.metWith.length > 0 && (
            <p className="text-slate-600">
              {t("visit.timeline.metWith")}：{v.metWith.map((m) => t(`metWith.${m}`)).join("、")}
            </p>
          )}
          {v.needs.length > 0 && (
            <div className="space-y-1">
              <p className="text-slate-600">{t("visit.timeline.needs")}：</p>
              <div className="flex flex-wrap gap-2">
                {v.needs.map((need) =>
                  canDraft ? (
                    <ReferralDraftButton key={need} visitId={v.id} type={need} label={t(`referralType.${need}`)} isDone={v.referredNeeds.includes(need)} />
                  ) : (
                    <Badge key={need}>{t(`referralType.${need}`)}</Badge>
                  ),
                )}
              </div>
            </div>
          )}
          <p className="text-xs text-slate-500">
            {v.recordedBy && t("visit.timeline.by", { name: v.recordedBy })}
            {v.nextVisitOn && ` · ${t("visit.timeline.next", { date: v.nextVisitOn })}`}
          </p>
        </li>
      ))}
    </ol>
  );
}
