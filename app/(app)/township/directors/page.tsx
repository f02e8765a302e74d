import { notFound } from "next/navigation";
import { VillageDirectorsCard } from "@/components/users/village-directors-card";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { listVillageDirectors } from "@/lib/server/users/directors";

export default async function TownshipDirectorsPage() {
  const actor = await requireActor(["list", "user"]);
  // Caseload handover is the township supervisor's page; administrators keep /admin/users.
  if (actor.role !== "TOWNSHIP_SUPERVISOR") notFound();
  const [{ t }, villages] = await Promise.all([getTranslator(), listVillageDirectors(actor)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("directors.title")}</h1>
      <p className="text-sm text-slate-600">{t("directors.intro")}</p>
      {villages.map((village) => (
        <VillageDirectorsCard key={village.code} village={village} t={t} />
      ))}
    </div>
  );
}
