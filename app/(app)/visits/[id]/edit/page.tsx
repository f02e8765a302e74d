import Link from "next/link";
import { notFound } from "next/navigation";
import { VisitForm } from "@/components/visits/visit-form";
import { valuesFromVisit } from "@/components/visits/visit-values";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { todayInChina } from "@/lib/domain/dates";
import { isUuid } from "@/lib/domain/ids";
import { getTranslator } from "@/lib/i18n/server";
import { NotFoundError } from "@/lib/server/errors";
import { getVisitPolicy } from "@/lib/server/visit-policies/queries";
import { getVisit } from "@/lib/server/visits/queries";

export default async function EditVisitPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(["update", "visit"]);
  if (!isUuid(id)) notFound();
  const { t } = await getTranslator();
  const visit = await getVisit(actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (!visit) notFound();
  const policy = await getVisitPolicy(actor, visit.child.areaCode);
  return (
    <div className="space-y-4">
      <div>
        <Link href={`/children/${visit.child.id}`} className="inline-flex min-h-11 items-center text-sm text-brand-700">
          ← {t("visit.back")}
        </Link>
        <h1 className="text-xl font-semibold">
          {t("visit.editTitle")} · {visit.child.name}
        </h1>
      </div>
      <Card>
        {visit.canEdit ? (
          <VisitForm
            target={{ mode: "edit", childId: visit.child.id, visitId: visit.id, version: visit.version }}
            today={todayInChina()}
            dateOfBirth={visit.child.dateOfBirth}
            intervals={policy.intervals}
            initial={valuesFromVisit(visit, visit.mandatoryReportDescription)}
          />
        ) : (
          <p className="text-sm text-slate-700">{t("visit.editLocked")}</p>
        )}
      </Card>
    </div>
  );
}
