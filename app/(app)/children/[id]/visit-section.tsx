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
        <Card title={t("visit.title")}>
          <VisitForm target={{ mode: "create", childId: child.id }} today={todayInChina()} dateOfBirth={child.dateOfBirth} intervals={policy.intervals} />
        </Card>
      )}
      <Card title={t("visit.timeline.title")}>
        <VisitTimeline visits={visits} canDraft={can(actor.role, "create", "referral") && child.status === "ACTIVE"} t={t} />
      </Card>
    </div>
  );
}
