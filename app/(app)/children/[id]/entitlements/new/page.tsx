import Link from "next/link";
import { notFound } from "next/navigation";
import { ApplyForm } from "@/components/entitlements/apply-form";
import { BenefitChoices } from "@/components/entitlements/benefit-choices";
import { VerdictReasons } from "@/components/entitlements/verdict-reasons";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { BENEFIT_TYPES } from "@/lib/domain/enums";
import { isUuid } from "@/lib/domain/ids";
import { getTranslator } from "@/lib/i18n/server";
import { localName } from "@/lib/server/benefits/catalogue";
import { getChildEligibility } from "@/lib/server/eligibility/child";
import { getApplyChild, getApplyForm } from "@/lib/server/entitlements/apply-form";
import { NotFoundError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/session";

function orNotFound(error: unknown): null {
  if (error instanceof NotFoundError) return null;
  throw error;
}

/** Without ?benefit: every benefit with the rule's verdict for the child, each with an apply link (two taps from her file). */
async function ChooseBenefit({ actor, childId }: { actor: Actor; childId: string }) {
  const loaded = await Promise.all([getApplyChild(actor, childId), getChildEligibility(actor, childId)]).catch(orNotFound);
  if (!loaded) notFound();
  const [child, items] = loaded;
  const { t } = await getTranslator();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("entitlement.apply.chooseTitle", { name: child.name })}</h1>
      <p className="text-sm text-slate-600">{t("entitlement.childLine", { name: child.name, age: child.age, village: child.areaName })}</p>
      <Card>
        <BenefitChoices childId={child.id} items={items} t={t} />
      </Card>
    </div>
  );
}

export default async function ApplyPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ benefit?: string }> }) {
  const [{ id }, { benefit: asked }] = await Promise.all([params, searchParams]);
  const actor = await requireActor(["create", "entitlement"]);
  if (!isUuid(id)) notFound();
  const benefit = BENEFIT_TYPES.find((b) => b === asked);
  if (!benefit) return <ChooseBenefit actor={actor} childId={id} />;
  const form = await getApplyForm(actor, id, benefit).catch(orNotFound);
  if (!form) notFound();
  const { t, locale } = await getTranslator();
  const { child, verdict, existing } = form;
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">{t("entitlement.apply.title", { benefit: localName(form.benefit, locale) })}</h1>
        <p className="text-sm text-slate-600">{t("entitlement.childLine", { name: child.name, age: child.age, village: child.areaName })}</p>
      </div>
      <Card title={t("entitlement.apply.verdictTitle")}>
        <VerdictReasons verdict={verdict} t={t} />
      </Card>
      {form.benefit.documents.length > 0 && (
        <Card title={t("entitlement.apply.documentsTitle")}>
          <p className="mb-2 text-sm text-slate-600">{t("entitlement.apply.documentsHint")}</p>
          <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="required-documents">
            {form.benefit.documents.map((d) => (
              <li key={d.code}>{localName(d, locale)}</li>
            ))}
          </ul>
        </Card>
      )}
      <Card>
        {existing ? (
          <p className="text-sm" data-testid="already-open">
            {t("entitlement.apply.alreadyOpen", { status: t(`entitlementStatus.${existing.status}`) })}{" "}
            <Link href={`/entitlements/${existing.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
              {t("entitlement.open")}
            </Link>
          </p>
        ) : (
          <>
            {!verdict.eligible && <p className="mb-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">{t("entitlement.apply.notEligibleWarning")}</p>}
            <ApplyForm childId={child.id} benefit={benefit} eligible={verdict.eligible} />
          </>
        )}
      </Card>
    </div>
  );
}
