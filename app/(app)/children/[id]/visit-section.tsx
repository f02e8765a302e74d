import { VisitForm } from "@/components/children/visit-form";
import { Card } from "@/components/ui/card";
import { todayInChina } from "@/lib/domain/dates";
import type { Translate } from "@/lib/i18n/translate";
import { can } from "@/lib/server/access/policy";
import type { Actor } from "@/lib/server/session";

/** The visits part of a child's file: the form to log one. Owned by the visits feature. */
export async function VisitSection({ actor, child, t }: { actor: Actor; child: { id: string; status: "ACTIVE" | "CLOSED"; dateOfBirth: string; areaCode: string }; t: Translate }) {
  const canVisit = can(actor.role, "create", "visit") && child.status === "ACTIVE";
  if (!canVisit) return null;
  return (
    <Card title={t("visit.title")}>
      <VisitForm childId={child.id} today={todayInChina()} />
    </Card>
  );
}
