import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { Translate } from "@/lib/i18n/translate";
import type { UrgentReport } from "@/lib/server/mandatory-reports/queries";
import { AcknowledgeButton } from "./acknowledge-button";

/**
 * 强制报告 not yet closed, in red at the top of the township page, the county dashboard and the child's
 * file. Renders nothing when there are none, so a quiet day shows no alarm.
 */
export function UrgentReports({ reports, canAcknowledge, title, t }: { reports: UrgentReport[]; canAcknowledge: boolean; title: string; t: Translate }) {
  if (reports.length === 0) return null;
  return (
    <section className="space-y-3 rounded-xl border-2 border-red-600 bg-red-50 p-4" data-testid="urgent-reports" aria-labelledby="urgent-reports-title">
      <div>
        <h2 id="urgent-reports-title" className="text-base font-semibold text-red-900">
          ⚠ {title} ({reports.length})
        </h2>
        <p className="text-sm text-red-800">{t("mandatoryReport.police")}</p>
      </div>
      <ul className="space-y-3">
        {reports.map((r) => (
          <li key={r.id} className="space-y-2 rounded-lg bg-white p-3 ring-1 ring-red-200">
            <Link href={`/children/${r.childId}`} className="block min-h-11 text-red-900">
              <span className="font-semibold underline">{r.childName}</span>
              <span className="text-sm text-slate-600"> · {r.areaName}</span>
              <span className="mt-1 flex flex-wrap gap-1">
                <Badge tone="red">{t(`reportKind.${r.kind}`)}</Badge>
                <Badge tone={r.status === "OPEN" ? "red" : "gray"}>{t(`reportStatus.${r.status}`)}</Badge>
                {r.isOverdue && <Badge tone="red">{t("mandatoryReport.overdue")}</Badge>}
              </span>
            </Link>
            <p className="whitespace-pre-wrap text-sm text-slate-800">{r.description}</p>
            <p className="text-xs text-slate-500">
              {t("mandatoryReport.reportedAgo", { hours: r.hoursOpen })} · {r.createdAt}
            </p>
            {canAcknowledge && r.status === "OPEN" && <AcknowledgeButton reportId={r.id} version={r.version} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
