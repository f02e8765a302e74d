import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import type { Translate } from "@/lib/i18n/translate";
import type { IndicatorCards as Cards } from "@/lib/server/indicators/figures";
import type { Figure } from "@/lib/server/indicators/stats";
import { showFigure } from "./figure";

function Line({ label, value }: { label: string; value: string }) {
  return (
    <li className="flex items-center justify-between gap-2 py-1 text-sm">
      <span className="text-slate-600">{label}</span>
      <span className="font-semibold tabular-nums">{value}</span>
    </li>
  );
}

const isAlert = (value: Figure) => typeof value === "number" && value > 0;

export function IndicatorCards({ cards, t }: { cards: Cards; t: Translate }) {
  const show = (value: Figure, unit: "" | "%" = "") => showFigure(value, t, unit);
  return (
    <div className="space-y-3" data-testid="indicator-cards">
      <div className="grid grid-cols-2 gap-2 md:grid-cols-4 md:gap-4">
        <Stat label={t("indicators.cards.children")} value={show(cards.children)} />
        <Stat label={t("indicators.cards.visitCoverage")} value={show(cards.visitCoverage, "%")} detail={t("indicators.cards.visitDetail", { due: show(cards.visitsDue) })} />
        <Stat label={t("indicators.cards.visitsOverdue")} value={show(cards.visitsOverdue)} tone={isAlert(cards.visitsOverdue) ? "alert" : "default"} />
        <Stat label={t("indicators.cards.redRisk")} value={show(cards.redRisk)} tone={isAlert(cards.redRisk) ? "alert" : "default"} />
        <Stat
          label={t("indicators.cards.directorCoverage")}
          value={show(cards.directorCoverage, "%")}
          detail={t("indicators.cards.directorDetail", { covered: cards.villagesWithDirector, total: cards.villages })}
        />
        <Stat label={t("indicators.cards.supervisors")} value={cards.supervisors} detail={t("indicators.cards.supervisorsDetail", { supervisors: cards.supervisors, townships: cards.townships })} />
        <Stat label={t("indicators.cards.unregisteredBacklog")} value={show(cards.unregisteredBacklog)} detail={`${t("indicators.cards.hukouRegistered")} ${show(cards.hukouRegistered)}`} />
        <Stat label={t("indicators.cards.schoolReturned")} value={show(cards.schoolReturned)} />
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <Card title={t("indicators.cards.overdueByRisk")}>
          <ul className="divide-y divide-slate-100">
            {cards.overdueByRisk.map((row) => (
              <Line key={row.risk} label={t(`risk.${row.risk}`)} value={show(row.count)} />
            ))}
          </ul>
        </Card>
        <Card title={t("indicators.cards.referrals")}>
          <ul className="divide-y divide-slate-100">
            <Line label={t("indicators.cards.referralsMade")} value={show(cards.referralsMade)} />
            <Line label={t("indicators.cards.medianDecision")} value={show(cards.medianDaysToDecision)} />
            <Line label={t("indicators.cards.medianResolution")} value={show(cards.medianDaysToResolution)} />
            <Line label={t("indicators.cards.pastDeadline")} value={show(cards.pastDeadlineShare, "%")} />
          </ul>
        </Card>
        <Card title={t("indicators.cards.reports")}>
          <ul className="divide-y divide-slate-100">
            <Line label={t("indicators.cards.reportsRaised")} value={show(cards.reportsRaised)} />
            <Line label={t("indicators.cards.medianAcknowledge")} value={show(cards.medianHoursToAcknowledge)} />
          </ul>
        </Card>
        <Card title={t("indicators.cards.groups")}>
          <ul className="divide-y divide-slate-100">
            <Line label={t("indicators.cards.groupSessions")} value={show(cards.groupSessions)} />
            <li className="py-1 text-sm text-slate-600">
              {t("indicators.cards.attendance", { children: show(cards.attendanceChildren), caregivers: show(cards.attendanceCaregivers) })}
            </li>
          </ul>
        </Card>
        <Card title={t("indicators.cards.benefits")} className="md:col-span-2">
          <ul className="divide-y divide-slate-100">
            {cards.benefits.map((row) => (
              <Line key={row.benefit} label={t(`benefit.${row.benefit}`)} value={t("indicators.cards.benefitLine", { receiving: show(row.receiving), eligible: show(row.eligible) })} />
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}
