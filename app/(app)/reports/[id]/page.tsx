import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { notFound } from "next/navigation";
import { AcknowledgeButton } from "@/components/mandatory-reports/acknowledge-button";
import { CloseForm } from "@/components/mandatory-reports/close-form";
import { PoliceForm } from "@/components/mandatory-reports/police-form";
import { ReportDetail } from "@/components/mandatory-reports/report-detail";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { ZONE } from "@/lib/domain/dates";
import { getTranslator } from "@/lib/i18n/server";
import { can } from "@/lib/server/access/policy";
import { NotFoundError } from "@/lib/server/errors";
import { getMandatoryReport } from "@/lib/server/mandatory-reports/report";

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor(["read", "mandatoryReport"]);
  const { id } = await params;
  const [{ t }, report] = await Promise.all([
    getTranslator(),
    getMandatoryReport(actor, id).catch((error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }),
  ]);
  const canUpdate = can(actor.role, "update", "mandatoryReport");
  const now = format(new TZDate(new Date(), ZONE), "yyyy-MM-dd'T'HH:mm");
  const policeDefaults = report.police
    ? { by: report.police.informedBy, at: report.police.informedAt.replace(" ", "T"), reference: report.police.reference ?? "" }
    : undefined;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("mandatoryReport.title")}</h1>
        <p className="text-sm text-red-800">{t("mandatoryReport.police")}</p>
      </div>
      <ReportDetail report={report} t={t} />
      {canUpdate && report.status === "OPEN" && (
        <Card title={t("mandatoryReport.acknowledgeTitle")}>
          <AcknowledgeButton reportId={report.id} version={report.version} />
        </Card>
      )}
      {canUpdate && report.status !== "CLOSED" && (
        <Card title={report.police ? t("mandatoryReport.policeCorrect") : t("mandatoryReport.policeRecord")}>
          <PoliceForm reportId={report.id} version={report.version} now={now} defaults={policeDefaults} />
        </Card>
      )}
      {can(actor.role, "close", "mandatoryReport") && report.status === "ACKNOWLEDGED" && (
        <Card title={t("mandatoryReport.closeTitle")}>
          <CloseForm reportId={report.id} version={report.version} />
        </Card>
      )}
    </div>
  );
}
