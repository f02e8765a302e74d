import { HouseholdForm } from "@/components/households/household-form";
import { requireActor } from "@/lib/auth/require-actor";
import { todayInChina } from "@/lib/domain/dates";
import { getTranslator } from "@/lib/i18n/server";
import { getOwnArea } from "@/lib/server/areas/queries";

export default async function NewHouseholdPage() {
  const actor = await requireActor(["create", "household"]);
  const [{ t }, area] = await Promise.all([getTranslator(), getOwnArea(actor)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("household.newTitle")}</h1>
      <p className="text-sm text-slate-600">{t("household.newIntro")}</p>
      <HouseholdForm villageName={area.name} today={todayInChina()} />
    </div>
  );
}
