import { notFound } from "next/navigation";
import { DocumentChecklist } from "@/components/entitlements/document-checklist";
import { EntitlementSummary } from "@/components/entitlements/entitlement-summary";
import { EntitlementTimeline } from "@/components/entitlements/entitlement-timeline";
import { FlagBox } from "@/components/entitlements/flag-box";
import { statusTone } from "@/components/entitlements/status-tone";
import { EntitlementTransitionPanel } from "@/components/entitlements/transition-panel";
import { VerdictReasons } from "@/components/entitlements/verdict-reasons";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { isUuid } from "@/lib/domain/ids";
import { getTranslator } from "@/lib/i18n/server";
import { localName } from "@/lib/server/benefits/catalogue";
import { getDocumentChecklist } from "@/lib/server/entitlement-documents/queries";
import { getEntitlement } from "@/lib/server/entitlements/detail";
import { NotFoundError } from "@/lib/server/errors";

export default async function EntitlementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(["read", "entitlement"]);
  if (!isUuid(id)) notFound();
  // One after the other: an application out of scope is refused (and audited) once, before its documents are read.
  const loaded = await getEntitlement(actor, id)
    .then(async (detail) => ({ detail, documents: await getDocumentChecklist(actor, id) }))
    .catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
  if (!loaded) notFound();
  const { detail, documents } = loaded;
  const { t, locale } = await getTranslator();
  const agency = localName({ nameZh: detail.benefit.decidingAgencyZh, nameEn: detail.benefit.decidingAgencyEn }, locale);
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">{localName(detail.benefit, locale)}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={statusTone(detail.status)}>
            <span data-testid="entitlement-status">{t(`entitlementStatus.${detail.status}`)}</span>
          </Badge>
          {detail.isOverdue && <Badge tone="red">{t("entitlement.overdue")}</Badge>}
          {detail.dueOn && <span className="text-sm text-slate-600">{t("entitlement.dueOn", { date: detail.dueOn })}</span>}
        </div>
      </div>
      {!detail.eligibleOnApply && <FlagBox justification={detail.justification} t={t} />}
      <Card>
        <EntitlementSummary detail={detail} agency={agency} t={t} />
      </Card>
      {detail.moves.length > 0 && (
        <Card title={t("entitlement.nextStep")}>
          <EntitlementTransitionPanel entitlementId={detail.id} version={detail.version} status={detail.status} moves={detail.moves} />
        </Card>
      )}
      <Card title={t("entitlement.documents")}>
        <DocumentChecklist entitlementId={detail.id} items={documents} canUpload={detail.canUploadDocuments} canRemove={detail.canUploadDocuments} />
      </Card>
      <Card title={t("entitlement.verdictAtApplication")}>
        {detail.eligibility ? <VerdictReasons verdict={detail.eligibility} t={t} /> : <p className="text-sm text-slate-600">{t("entitlement.noVerdict")}</p>}
      </Card>
      <Card title={t("entitlement.timeline")}>
        <EntitlementTimeline entries={detail.timeline} t={t} />
      </Card>
    </div>
  );
}
