import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { Translate } from "@/lib/i18n/translate";
import type { UrgentReport, UrgentReportList } from "@/lib/server/mandatory-reports/queries";
import { AcknowledgeButton } from "./acknowledge-button";

type Props = {
  /** The urgent list with its true counts, or a child's few reports as a plain list. */
  reports: UrgentReportList | UrgentReport[];
  canAcknowledge: boolean;
  title: string;
  t: Translate;
};

function withCounts(list: UrgentReportList | UrgentReport[]): UrgentReportList {
  if (!Array.isArray(list)) return list;
  const openCount = list.filter((r) => r.status === "OPEN").length;
  return { reports: list, openCount, acknowledgedCount: list.length - openCount };
}

/**
 * 强制报告 not yet closed, in red at the top of the township page, the county dashboard and the child's
 * file. Renders nothing when there are none, so a quiet day shows no alarm. The counts are the true
 * totals: the list itself shows every open report but only the latest acknowledged ones.
 */
export function UrgentReports({ reports: list, canAcknowledge, title, t }: Props) {
  const { reports, openCount, acknowledgedCount } = withCounts(list);
  if (reports.length === 0) return null;
  const acknowledgedShown = reports.length - openCount;
  return (
    <section className="space-y-3 rounded-xl border-2 border-red-600 bg-red-50 p-4" data-testid="urgent-reports" aria-labelledby="urgent-reports-title">
      <div>
        <h2 id="urgent-reports-title" className="text-base font-semibold text-red-900">
          ⚠ {title} ({openCount})
        </h2>
        <p className="text-sm font-medium text-red-900" data-testid="urgent-counts">
          {t("mandatoryReport.counts", { open: openCount, acknowledged: acknowledgedCount })}
        </p>
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
                {r.isEscalated && (
                  <span data-testid="escalated">
                    <Badge tone="red">{t("mandatoryReport.escalated")}</Badge>
                  </span>
                )}
              </span>
            </Link>
            <p className="whitespace-pre-wrap text-sm text-slate-800">{r.description}</p>
            <p className="text-xs text-slate-500">
              {t("mandatoryReport.reportedAgo", { hours: r.hoursOpen })} · {r.createdAt}
              {r.isEscalated && ` · ${t("mandatoryReport.overdue")}`}
            </p>
            <Link href={`/reports/${r.id}`} className="inline-flex min-h-11 items-center text-sm font-medium text-red-800 underline">
              {t("mandatoryReport.open")}
            </Link>
            {canAcknowledge && r.status === "OPEN" && <AcknowledgeButton reportId={r.id} version={r.version} />}
          </li>
        ))}
      </ul>
      {acknowledgedShown < acknowledgedCount && (
        <p className="text-xs text-slate-600">{t("mandatoryReport.moreAcknowledged", { shown: acknowledgedShown, total: acknowledgedCount })}</p>
      )}
    </section>
  );
}
