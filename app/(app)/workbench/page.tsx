import { ChildList } from "@/components/children/child-list";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { countChildren, listChildren } from "@/lib/server/children/queries";

export default async function WorkbenchPage() {
  const actor = await requireActor(["list", "child"]);
  const [{ t }, counts, children] = await Promise.all([getTranslator(), countChildren(actor), listChildren(actor)]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("workbench.title")}</h1>
        <p className="text-sm text-slate-600">{t("workbench.greeting", { name: actor.displayName })}</p>
      </div>
      <div className="grid grid-cols-3 gap-2 md:gap-4">
        <Stat label={t("workbench.activeChildren")} value={counts.active} />
        <Stat label={t("workbench.overdueVisits")} value={counts.overdueVisits} tone={counts.overdueVisits ? "alert" : "default"} />
        <Stat label={t("workbench.redRisk")} value={counts.redRisk} tone={counts.redRisk ? "alert" : "default"} />
      </div>
      <Card title={t("workbench.listTitle")} action={<span className="text-xs text-slate-500">{t("workbench.listHint")}</span>}>
        {children.length ? <ChildList items={children} t={t} /> : <p className="text-sm text-slate-600">{t("workbench.empty")}</p>}
      </Card>
    </div>
  );
}
