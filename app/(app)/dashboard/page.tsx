import { AreaOverviewView } from "@/components/dashboard/area-overview";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { getOwnArea } from "@/lib/server/areas/queries";
import { getAreaOverview } from "@/lib/server/dashboard/queries";

export default async function DashboardPage() {
  const actor = await requireActor(["read", "aggregate"]);
  const [{ t }, area, overview] = await Promise.all([getTranslator(), getOwnArea(actor), getAreaOverview(actor)]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("dashboard.title")}</h1>
        <p className="text-sm text-slate-600">{area.name || t("dashboard.nation")}</p>
      </div>
      <AreaOverviewView overview={overview} t={t} />
    </div>
  );
}
