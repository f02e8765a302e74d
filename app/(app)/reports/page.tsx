import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { requireActor } from "@/lib/auth/require-actor";
import { MANDATORY_REPORT_STATUSES } from "@/lib/domain/enums";
import { getTranslator } from "@/lib/i18n/server";
import { listMandatoryReports, REPORT_LIST_SIZE } from "@/lib/server/mandatory-reports/report";

type Status = (typeof MANDATORY_REPORT_STATUSES)[number];

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(["list", "mandatoryReport"]);
  const { status: given } = await searchParams;
  // An odd ?status= shows every report rather than an error page.
  const status = MANDATORY_REPORT_STATUSES.find((s) => s === given) as Status | undefined;
  const [{ t }, reports] = await Promise.all([getTranslator(), listMandatoryReports(actor, { status })]);
  const filters: (Status | undefined)[] = [undefined, ...MANDATORY_REPORT_STATUSES];
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("mandatoryReport.listTitle")}</h1>
      <nav className="flex flex-wrap gap-2" aria-label={t("mandatoryReport.filter")}>
        {filters.map((s) => (
          <Link
            key={s ?? "all"}
            href={s ? `/reports?status=${s}` : "/reports"}
            aria-current={s === status ? "page" : undefined}
            className={`inline-flex min-h-11 items-center rounded-full px-4 text-sm ring-1 ring-inset ${s === status ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300"}`}
          >
            {s ? t(`reportStatus.${s}`) : t("mandatoryReport.all")}
          </Link>
        ))}
      </nav>
      {reports.length === 0 ? (
        <p className="text-sm text-slate-600">{t("mandatoryReport.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white" data-testid="report-list">
          {reports.map((r) => (
            <li key={r.id}>
              <Link href={`/reports/${r.id}`} className="block min-h-14 space-y-1 p-3 hover:bg-slate-50">
                <div className="font-medium">
                  {r.childName} <span className="text-sm font-normal text-slate-500">· {r.areaName}</span>
                </div>
                <div className="flex flex-wrap gap-1">
                  <Badge tone="red">{t(`reportKind.${r.kind}`)}</Badge>
                  <Badge tone={r.status === "OPEN" ? "red" : "gray"}>{t(`reportStatus.${r.status}`)}</Badge>
                  {r.isEscalated && <Badge tone="red">{t("mandatoryReport.escalated")}</Badge>}
                  {!r.isPoliceInformed && r.status !== "CLOSED" && <Badge tone="yellow">{t("mandatoryReport.policeNotYetShort")}</Badge>}
                </div>
                <div className="text-xs text-slate-500">{r.createdAt}</div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {reports.length === REPORT_LIST_SIZE && <p className="text-xs text-slate-500">{t("mandatoryReport.listLimit", { count: REPORT_LIST_SIZE })}</p>}
    </div>
  );
}
