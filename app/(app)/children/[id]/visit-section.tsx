import { UrgentReports } from "@/components/mandatory-reports/urgent-reports";
import { VisitForm } from "@/components/visits/visit-form";
import { VisitTimeline } from "@/components/visits/visit-timeline";
import { Card } from "@/components/ui/card";
import { todayInChina } from "@/lib/domain/dates";
import type { Translate } from "@/lib/i18n/translate";
import { can } from "@/lib/server/access/policy";
import { listChildOpenMandatoryReports } from "@/lib/server/mandatory-reports/queries";
import type { Actor } from "@/lib/server/session";
import { getVisitPolicy } from "@/lib/server/visit-policies/queries";
import { listChildVisits } from "@/lib/server/visits/queries";

type SectionChild = { id: string; status: "ACTIVE" | "CLOSED"; dateOfBirth: string; areaCode: string };

/** The visits part of a child's file: open mandatory reports first, then the form, then the history. */
export async function VisitSection({ actor, child, t }: { actor: Actor; child: SectionChild; t: Translate }) {
  const canVisit = can(actor.role, "create", "visit") && child.status === "ACTIVE";
  const [reports, visits, policy] = await Promise.all([
    listChildOpenMandatoryReports(actor, child.id),
    listChildVisits(actor, child.id),
    canVisit ? getVisitPolicy(actor, child.areaCode) : null,
  ]);
  return (
    <div className="space-y-4">
      <UrgentReports reports={reports} canAcknowledge={can(actor.role, "update", "mandatoryReport")} title={t("mandatoryReport.childTitle")} t={t} />
      {canVisit && policy && (
        // Folded behind one big button so the history stays near the top on a phone; open on a first visit.
        <details className="group rounded-xl border border-slate-200 bg-white shadow-sm" open={visits.length === 0} data-testid="visit-form-toggle">
          <summary className="flex min-h-14 cursor-pointer list-none items-center justify-center rounded-xl bg-brand-600 px-4 text-base font-medium text-white group-open:rounded-b-none">
            {t("visit.title")}
          </summary>
          <div className="p-4">
            <VisitForm target={{ mode: "create", childId: child.id }} today={todayInChina()} dateOfBirth={child.dateOfBirth} intervals={policy.intervals} />
          </div>
        </details>
      )}
      <Card title={t("visit.timeline.title")}>
        <VisitTimeline visits={visits} canDraft={can(actor.role, "create", "referral") && child.status === "ACTIVE"} t={t} />
      </Card>
    </div>
  );
}
