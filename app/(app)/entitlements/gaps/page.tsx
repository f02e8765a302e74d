import { BenefitFilter } from "@/components/eligibility/benefit-filter";
import { GapList } from "@/components/eligibility/gap-list";
import { PageLinks } from "@/components/eligibility/page-links";
import { EntitlementTabs } from "@/components/entitlements/entitlement-tabs";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { todayInChina } from "@/lib/domain/dates";
import { BENEFIT_TYPES } from "@/lib/domain/enums";
import { getTranslator } from "@/lib/i18n/server";
import { can } from "@/lib/server/access/policy";
import { GAP_PAGE_SIZE, listBenefitGaps } from "@/lib/server/eligibility/gaps";

function pageOf(value: string | undefined): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 && page < 10_000 ? page : 1;
}

/** Children in the actor's area who may be missing a benefit they qualify for, with the rule's reasons. */
export default async function BenefitGapsPage({ searchParams }: { searchParams: Promise<{ benefit?: string; page?: string }> }) {
  const params = await searchParams;
  const actor = await requireActor(["list", "entitlement"]);
  const benefit = BENEFIT_TYPES.find((b) => b === params.benefit);
  const page = pageOf(params.page);
  const [{ t }, result] = await Promise.all([getTranslator(), listBenefitGaps(actor, { benefit, page })]);
  const pageCount = Math.max(1, Math.ceil(result.total / GAP_PAGE_SIZE));
  const href = (next: number) => {
    const q = new URLSearchParams();
    if (benefit) q.set("benefit", benefit);
    if (next > 1) q.set("page", String(next));
    return q.size ? `/entitlements/gaps?${q}` : "/entitlements/gaps";
  };
  const isDirector = actor.role === "VILLAGE_DIRECTOR";
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("entitlement.nav")}</h1>
      <EntitlementTabs current="gaps" t={t} />
      <p className="text-base" data-testid="gap-summary">
        {result.childCount > 0 ? t("eligibility.gaps.summary", { count: result.childCount }) : t("eligibility.gaps.summaryNone")}
      </p>
      {result.total > 0 || benefit ? <BenefitFilter current={benefit} counts={result.byBenefit} t={t} /> : null}
      <Card>
        {result.items.length > 0 ? (
          <GapList items={result.items} today={todayInChina()} canApply={can(actor.role, "create", "entitlement")} showVillage={!isDirector} t={t} />
        ) : result.total > 0 ? (
          <p className="text-sm text-slate-600">{t("eligibility.gaps.pastEnd")}</p>
        ) : (
          <div className="space-y-1 text-sm text-slate-600" data-testid="gap-empty">
            <p className="font-medium text-slate-800">{t("eligibility.gaps.empty")}</p>
            <p>{t("eligibility.gaps.emptyHint")}</p>
          </div>
        )}
      </Card>
      <PageLinks page={page} pageCount={pageCount} total={result.total} href={href} t={t} />
    </div>
  );
}
