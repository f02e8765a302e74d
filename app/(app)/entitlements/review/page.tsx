import { ReviewList } from "@/components/eligibility/review-list";
import { EntitlementTabs } from "@/components/entitlements/entitlement-tabs";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { can } from "@/lib/server/access/policy";
import { listReviewTasks } from "@/lib/server/eligibility/gaps";

/** Benefits still paid or pending although the rule no longer holds: the county suspends or ends them on the benefit's page. */
export default async function BenefitReviewPage() {
  const actor = await requireActor(["list", "entitlement"]);
  const [{ t }, tasks] = await Promise.all([getTranslator(), listReviewTasks(actor)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("entitlement.nav")}</h1>
      <EntitlementTabs current="review" t={t} />
      <p className="text-base" data-testid="review-summary">
        {tasks.length > 0 ? t("eligibility.review.summary", { count: tasks.length }) : t("eligibility.review.summaryNone")}
      </p>
      <p className="text-sm text-slate-600">{can(actor.role, "close", "entitlement") ? t("eligibility.review.hintCounty") : t("eligibility.review.hintOthers")}</p>
      <Card>
        {tasks.length > 0 ? (
          <ReviewList items={tasks} showVillage={actor.role !== "VILLAGE_DIRECTOR"} t={t} />
        ) : (
          <p className="text-sm text-slate-600" data-testid="review-empty">
            {t("eligibility.review.empty")}
          </p>
        )}
      </Card>
    </div>
  );
}
