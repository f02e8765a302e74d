import Link from "next/link";
import { AreaOverviewView } from "@/components/dashboard/area-overview";
import { CountyBenefitCard } from "@/components/eligibility/home-benefit-cards";
import { UrgentReports } from "@/components/mandatory-reports/urgent-reports";
import { Stat } from "@/components/ui/stat";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { can } from "@/lib/server/access/policy";
import { getOwnArea } from "@/lib/server/areas/queries";
import { getAreaOverview } from "@/lib/server/dashboard/queries";
import { getBenefitOverview } from "@/lib/server/entitlements/work";
import { listOpenMandatoryReports } from "@/lib/server/mandatory-reports/queries";
import { countOverdueReferrals } from "@/lib/server/referrals/queries";

export default async function DashboardPage() {
  const actor = await requireActor(["read", "aggregate"]);
  // Provinces and the ministry see aggregates only: the urgent list is for roles that may list reports.
  const canListReports = can(actor.role, "list", "mandatoryReport");
  const canListReferrals = can(actor.role, "list", "referral");
  // Benefit work is case data: counties (and townships) only, never the province or the ministry.
  const canListEntitlements = can(actor.role, "list", "entitlement");
  const [{ t }, area, overview, urgent, overdueReferrals, benefits] = await Promise.all([
    getTranslator(),
    getOwnArea(actor),
    getAreaOverview(actor),
    canListReports ? listOpenMandatoryReports(actor) : [],
    canListReferrals ? countOverdueReferrals(actor) : null,
    canListEntitlements ? getBenefitOverview(actor) : null,
  ]);
  return (
    <div className="space-y-4">
      <UrgentReports reports={urgent} canAcknowledge={can(actor.role, "update", "mandatoryReport")} title={t("mandatoryReport.urgentTitle")} t={t} />
      <div>
        <h1 className="text-xl font-semibold">{t("dashboard.title")}</h1>
        <p className="text-sm text-slate-600">{area.name || t("dashboard.nation")}</p>
      </div>
      {overdueReferrals !== null && (
        <Link href="/referrals?overdue=1" className="block" data-testid="overdue-referrals">
          <Stat label={t("dashboard.overdueReferrals")} value={overdueReferrals} tone={overdueReferrals > 0 ? "alert" : "default"} />
        </Link>
      )}
      {benefits && <CountyBenefitCard overview={benefits} t={t} />}
      <AreaOverviewView overview={overview} t={t} />
    </div>
  );
}
