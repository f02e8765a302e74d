import Link from "next/link";
import { UrgentReports } from "@/components/mandatory-reports/urgent-reports";
import { ApprovalQueue } from "@/components/township/approval-queue";
import { RecentVisits } from "@/components/township/recent-visits";
import { VillageCards } from "@/components/township/village-cards";
import { Card } from "@/components/ui/card";
import { TownshipBenefitCard } from "@/components/eligibility/home-benefit-cards";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { can } from "@/lib/server/access/policy";
import { getOwnArea } from "@/lib/server/areas/queries";
import { getBenefitOverview } from "@/lib/server/entitlements/work";
import { listOpenMandatoryReports } from "@/lib/server/mandatory-reports/queries";
import { listApprovalQueue } from "@/lib/server/referrals/queries";
import { listRecentVisits, listVillageCards } from "@/lib/server/township/queries";

/** The township supervisor's workbench: urgent reports, decisions waiting for her, then each village. */
export default async function TownshipPage() {
  const actor = await requireActor(["read", "aggregate"]);
  const [{ t }, area, urgent, queue, cards, visits, benefits] = await Promise.all([
    getTranslator(),
    getOwnArea(actor),
    listOpenMandatoryReports(actor),
    listApprovalQueue(actor),
    listVillageCards(actor),
    listRecentVisits(actor),
    can(actor.role, "list", "entitlement") ? getBenefitOverview(actor) : null,
  ]);
  const missing = cards.reduce((sum, card) => sum + card.missingData, 0);
  return (
    <div className="space-y-4">
      <UrgentReports reports={urgent} canAcknowledge={can(actor.role, "update", "mandatoryReport")} title={t("mandatoryReport.urgentTitle")} t={t} />
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold">{t("township.title")}</h1>
          <p className="text-sm text-slate-600">{area.name}</p>
        </div>
        <Link href="/reports" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline">
          {t("townshipWork.allReports")}
        </Link>
      </div>
      <Card title={`${t("township.pendingReferrals")} (${queue.length})`}>
        <ApprovalQueue items={queue} t={t} />
      </Card>
      {benefits && <TownshipBenefitCard overview={benefits} t={t} />}
      <h2 className="pt-2 text-base font-semibold">{t("township.villages")}</h2>
      <VillageCards cards={cards} t={t} />
      <Card title={t("townshipWork.recentVisits")}>
        <RecentVisits visits={visits} t={t} />
      </Card>
      <Card title={t("townshipWork.missingDataTitle")}>
        <p className="text-sm text-slate-700">{t("townshipWork.missingDataSummary", { count: missing })}</p>
        {missing > 0 && (
          <Link href="/children?work=missing-data" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline">
            {t("townshipWork.missingDataLink")}
          </Link>
        )}
      </Card>
    </div>
  );
}
