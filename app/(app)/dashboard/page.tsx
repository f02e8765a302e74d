import { AreaOverviewView } from "@/components/dashboard/area-overview";
import { UrgentReports } from "@/components/mandatory-reports/urgent-reports";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { can } from "@/lib/server/access/policy";
import { getOwnArea } from "@/lib/server/areas/queries";
import { getAreaOverview } from "@/lib/server/dashboard/queries";
import { listOpenMandatoryReports } from "@/lib/server/mandatory-reports/queries";

export default async function DashboardPage() {
  const actor = await requireActor(["read", "aggregate"]);
  // Provinces and the ministry see aggregates only: the urgent list is for roles that may list reports.
  const canListReports = can(actor.role, "list", "mandatoryReport");
  const [{ t }, area, overview, urgent] = await Promise.all([
    getTranslator(),
    getOwnArea(actor),
    getAreaOverview(actor),
    canListReports ? listOpenMandatoryReports(actor) : [],
  ]);
  return (
    <div className="space-y-4">
      <UrgentReports reports={urgent} canAcknowledge={can(actor.role, "update", "mandatoryReport")} title={t("mandatoryReport.urgentTitle")} t={t} />
      <div>
        <h1 className="text-xl font-semibold">{t("dashboard.title")}</h1>
        <p className="text-sm text-slate-600">{area.name || t("dashboard.nation")}</p>
      </div>
      <AreaOverviewView overview={overview} t={t} />
    </div>
  );
}
