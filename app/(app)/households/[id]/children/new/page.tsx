import Link from "next/link";
import { ChildForm } from "@/components/children/child-form";
import { requireActor } from "@/lib/auth/require-actor";
import { todayInChina } from "@/lib/domain/dates";
import { getTranslator } from "@/lib/i18n/server";
import { toHouseholdFacts } from "@/lib/server/households/dto";
import { loadHousehold } from "../../load";

export default async function NewChildPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(["create", "child"]);
  const [{ t }, household] = await Promise.all([getTranslator(), loadHousehold(actor, id)]);
  return (
    <div className="space-y-4">
      <Link href={`/households/${household.id}`} className="inline-flex min-h-11 items-center text-sm text-brand-700">
        ← {t("household.back")}
      </Link>
      <h1 className="text-xl font-semibold">{t("registration.newTitle")}</h1>
      <p className="text-sm text-slate-600">{t("registration.inHousehold", { village: household.areaName, address: household.address })}</p>
      <ChildForm today={todayInChina()} household={toHouseholdFacts(household)} householdId={household.id} canRecordHiv={actor.hivAccess} />
    </div>
  );
}
