import { Card } from "@/components/ui/card";
import { VisitPolicyForm } from "@/components/visits/visit-policy-form";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { getOwnArea } from "@/lib/server/areas/queries";
import { getVisitPolicy } from "@/lib/server/visit-policies/queries";

export default async function VisitPolicyPage() {
  // Only county officers may change the policy (policy table: visitPolicy.update).
  const actor = await requireActor(["update", "visitPolicy"]);
  const [{ t }, area, policy] = await Promise.all([getTranslator(), getOwnArea(actor), getVisitPolicy(actor, actor.areaCode)]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("visitPolicy.title")}</h1>
        <p className="text-sm text-slate-600">{area.name}</p>
      </div>
      <Card>
        <p className="mb-3 text-sm text-slate-700">{t("visitPolicy.intro")}</p>
        {policy.isDefault && <p className="mb-3 rounded-lg bg-slate-100 p-2 text-sm">{t("visitPolicy.usingDefaults")}</p>}
        <VisitPolicyForm intervals={policy.intervals} version={policy.version} />
      </Card>
    </div>
  );
}
