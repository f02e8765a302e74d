import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { Translate } from "@/lib/i18n/translate";
import type { MandatoryReportDetail } from "@/lib/server/mandatory-reports/report";

/** Everything about one report: what was seen, the police call, and who did what when. */
export function ReportDetail({ report, t }: { report: MandatoryReportDetail; t: Translate }) {
  return (
    <div className="space-y-4">
      <Card>
        <div className="space-y-2">
          <div className="flex flex-wrap gap-1">
            <Badge tone="red">{t(`reportKind.${report.kind}`)}</Badge>
            <Badge tone={report.status === "OPEN" ? "red" : "gray"}>{t(`reportStatus.${report.status}`)}</Badge>
            {report.isEscalated && (
              <span data-testid="escalated">
                <Badge tone="red">{t("mandatoryReport.escalated")}</Badge>
              </span>
            )}
          </div>
          <Link href={`/children/${report.childId}`} className="inline-flex min-h-11 items-center font-semibold underline">
            {report.childName} · {report.areaName}
          </Link>
          <p className="whitespace-pre-wrap text-slate-800">{report.description}</p>
          <p className="text-xs text-slate-500">{t("mandatoryReport.raisedAt", { at: report.createdAt })}</p>
        </div>
      </Card>
      <Card title={t("mandatoryReport.policeTitle")}>
        {report.police ? (
          <dl className="grid gap-1 text-sm sm:grid-cols-3" data-testid="police-informed">
            <div>
              <dt className="text-slate-500">{t("mandatoryReport.policeInformedBy")}</dt>
              <dd>{report.police.informedBy}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("mandatoryReport.policeInformedAt")}</dt>
              <dd>{report.police.informedAt}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("mandatoryReport.policeReference")}</dt>
              <dd>{report.police.reference ?? "—"}</dd>
            </div>
          </dl>
        ) : (
          <p className="text-sm text-red-800">{t("mandatoryReport.policeNotYet")}</p>
        )}
      </Card>
      <Card title={t("mandatoryReport.historyTitle")}>
        <ol className="space-y-2 text-sm" data-testid="report-history">
          {report.history.map((step, i) => (
            <li key={i} className="border-l-2 border-slate-200 pl-3">
              <div className="font-medium">{t(`mandatoryReport.steps.${step.step}`)}</div>
              <div className="text-xs text-slate-500">
                {step.at}
                {step.byName && ` · ${step.byName}`}
                {step.byRole && ` (${t(`roles.${step.byRole}`)})`}
              </div>
              {step.note && <p className="whitespace-pre-wrap text-slate-700">{step.note}</p>}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
