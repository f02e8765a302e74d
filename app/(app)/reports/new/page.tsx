import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { notFound } from "next/navigation";
import { ReportForm } from "@/components/mandatory-reports/report-form";
import { requireActor } from "@/lib/auth/require-actor";
import { ZONE } from "@/lib/domain/dates";
import { getTranslator } from "@/lib/i18n/server";
import { NotFoundError } from "@/lib/server/errors";
import { getReportSubject } from "@/lib/server/mandatory-reports/create";

export default async function NewReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(["create", "mandatoryReport"]);
  const { child } = await searchParams;
  if (typeof child !== "string") notFound();
  const [{ t }, subject] = await Promise.all([
    getTranslator(),
    getReportSubject(actor, child).catch((error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }),
  ]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("mandatoryReport.newTitle")}</h1>
        <p className="text-sm text-slate-600">
          {subject.childName} · {subject.areaName}
        </p>
        <p className="mt-2 rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">{t("mandatoryReport.police")}</p>
      </div>
      <ReportForm childId={subject.childId} now={format(new TZDate(new Date(), ZONE), "yyyy-MM-dd'T'HH:mm")} />
    </div>
  );
}
