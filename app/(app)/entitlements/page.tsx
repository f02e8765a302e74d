import { EntitlementList } from "@/components/entitlements/entitlement-list";
import { EntitlementTabs } from "@/components/entitlements/entitlement-tabs";
import { StatusChips } from "@/components/entitlements/status-chips";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { BENEFIT_TYPES, ENTITLEMENT_STATUSES } from "@/lib/domain/enums";
import { getTranslator } from "@/lib/i18n/server";
import { ENTITLEMENT_LIST_LIMIT, listEntitlements } from "@/lib/server/entitlements/queries";

type Search = { status?: string; benefit?: string; overdue?: string; flagged?: string };

export default async function EntitlementsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const actor = await requireActor(["list", "entitlement"]);
  const filter = {
    status: ENTITLEMENT_STATUSES.find((s) => s === params.status),
    benefit: BENEFIT_TYPES.find((b) => b === params.benefit),
    overdue: params.overdue === "1",
    flagged: params.flagged === "1",
  };
  const [{ t }, items] = await Promise.all([getTranslator(), listEntitlements(actor, filter)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("entitlement.title")}</h1>
      <EntitlementTabs current="applications" t={t} />
      <StatusChips filter={filter} t={t} />
      <Card>
        <EntitlementList items={items} t={t} />
        {items.length >= ENTITLEMENT_LIST_LIMIT && <p className="mt-3 text-sm text-slate-600">{t("entitlement.limited", { count: ENTITLEMENT_LIST_LIMIT })}</p>}
      </Card>
    </div>
  );
}
