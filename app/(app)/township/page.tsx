import Link from "next/link";
import { AreaOverviewView } from "@/components/dashboard/area-overview";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { UrgentReports } from "@/components/mandatory-reports/urgent-reports";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { getOwnArea } from "@/lib/server/areas/queries";
import { getAreaOverview } from "@/lib/server/dashboard/queries";
import { listReferrals } from "@/lib/server/referrals/queries";
import { can } from "@/lib/server/access/policy";
import { listOpenMandatoryReports } from "@/lib/server/mandatory-reports/queries";

export default async function TownshipPage() {
  const actor = await requireActor(["list", "referral"]);
  const [{ t }, area, overview, pending, urgent] = await Promise.all([
    getTranslator(),
    getOwnArea(actor),
    getAreaOverview(actor),
    listReferrals(actor, { status: ["SUBMITTED"] }),
    can(actor.role, "list", "mandatoryReport") ? listOpenMandatoryReports(actor) : [],
  ]);
  return (
    <div className="space-y-4">
      <UrgentReports reports={urgent} canAcknowledge={can(actor.role, "update", "mandatoryReport")} title={t("mandatoryReport.urgentTitle")} t={t} />
      <div>
        <h1 className="text-xl font-semibold">{t("township.title")}</h1>
        <p className="text-sm text-slate-600">{area.name}</p>
      </div>
      <Card title={`${t("township.pendingReferrals")} (${pending.length})`}>
        {pending.length === 0 ? (
          <p className="text-sm text-slate-600">{t("township.noPending")}</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="pending-referrals">
            {pending.map((r) => (
              <li key={r.id}>
                <Link href={`/children/${r.childId}`} className="flex min-h-14 items-center justify-between gap-2 py-2 hover:bg-slate-50">
                  <div className="min-w-0">
                    <div className="font-medium">
                      {r.childName} <span className="text-sm font-normal text-slate-500">· {r.areaName}</span>
                    </div>
                    <div className="text-sm text-slate-600">{t(`referralType.${r.type}`)}</div>
                  </div>
                  {r.dueOn && <Badge tone={r.isOverdue ? "red" : "gray"}>{t("township.due", { date: r.dueOn })}</Badge>}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <h2 className="pt-2 text-base font-semibold">{t("township.villages")}</h2>
      <AreaOverviewView overview={overview} t={t} />
    </div>
  );
}
