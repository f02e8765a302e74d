import Link from "next/link";
import { CountyBenefitCard } from "@/components/eligibility/home-benefit-cards";
import { AreaBreadcrumb } from "@/components/indicators/area-breadcrumb";
import { DashboardFilters } from "@/components/indicators/dashboard-filters";
import { IndicatorCards } from "@/components/indicators/indicator-cards";
import { SubAreaTable } from "@/components/indicators/sub-area-table";
import { TrendChart } from "@/components/indicators/trend-chart";
import { UrgentReports } from "@/components/mandatory-reports/urgent-reports";
import { Stat } from "@/components/ui/stat";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { parseDashboardQuery } from "@/lib/schemas/indicators";
import { can } from "@/lib/server/access/policy";
import { getBenefitOverview } from "@/lib/server/entitlements/work";
import { getIndicatorDashboard } from "@/lib/server/indicators/queries";
import { listOpenMandatoryReports } from "@/lib/server/mandatory-reports/queries";
import { countOverdueReferrals } from "@/lib/server/referrals/queries";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/server/errors";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor(["read", "aggregate"]);
  const query = parseDashboardQuery(await searchParams);
  // Provinces and the ministry see aggregates only: the urgent list is for roles that may list reports.
  const canListReports = can(actor.role, "list", "mandatoryReport");
  const canListReferrals = can(actor.role, "list", "referral");
  // Benefit work is case data: counties (and townships) only, never the province or the ministry.
  const canListEntitlements = can(actor.role, "list", "entitlement");
  // Work lists are about the actor's own area: shown on the dashboard's home view only, not when drilled down.
  const home = !query.area;
  const [{ t }, view, urgent, overdueReferrals, benefits] = await Promise.all([
    getTranslator(),
    // Another county's area is not found (and audited as DENIED by the data layer).
    getIndicatorDashboard(actor, query).catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error))),
    home && canListReports ? listOpenMandatoryReports(actor) : [],
    home && canListReferrals ? countOverdueReferrals(actor) : null,
    home && canListEntitlements ? getBenefitOverview(actor) : null,
  ]);
  if (!view) notFound();
  return (
    <div className="space-y-4">
      <UrgentReports reports={urgent} canAcknowledge={can(actor.role, "update", "mandatoryReport")} title={t("mandatoryReport.urgentTitle")} t={t} />
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">{t("dashboard.title")}</h1>
        <AreaBreadcrumb area={view.area} query={query} t={t} />
      </div>
      <DashboardFilters query={query} month={view.month} t={t} />
      {overdueReferrals !== null && (
        <Link href="/referrals?overdue=1" className="block" data-testid="overdue-referrals">
          <Stat label={t("dashboard.overdueReferrals")} value={overdueReferrals} tone={overdueReferrals > 0 ? "alert" : "default"} />
        </Link>
      )}
      {benefits && <CountyBenefitCard overview={benefits} t={t} />}
      <IndicatorCards cards={view.cards} t={t} />
      <SubAreaTable rows={view.subAreas} query={query} month={view.month} t={t} />
      <TrendChart indicator={view.trend.indicator} points={view.trend.points} t={t} />
      <p className="text-xs text-slate-500">
        {t("indicators.sourceNote")} {view.suppressed ? t("indicators.suppressedNote") : ""}
      </p>
    </div>
  );
}
