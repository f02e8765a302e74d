import { HouseholdForm } from "@/components/households/household-form";
import { FormMessage } from "@/components/households/form-controls";
import { requireActor } from "@/lib/auth/require-actor";
import { todayInChina } from "@/lib/domain/dates";
import { getTranslator } from "@/lib/i18n/server";
import type { HouseholdDto } from "@/lib/server/households/dto";
import { loadHousehold } from "../load";

function formValues(h: HouseholdDto) {
  const g = h.guardians.find((x) => x.isEntrusted);
  return {
    address: h.address,
    memberCount: String(h.memberCount),
    incomeSource: h.incomeSource ?? "",
    hasDibao: h.hasDibao,
    hasTekun: h.hasTekun,
    isLowIncome: h.isLowIncome,
    fatherStatus: h.father.status,
    fatherWhereabouts: h.father.whereabouts ?? "",
    fatherAwaySince: h.father.awaySince ?? "",
    fatherPhone: h.father.phone ?? "",
    motherStatus: h.mother.status,
    motherWhereabouts: h.mother.whereabouts ?? "",
    motherAwaySince: h.mother.awaySince ?? "",
    motherPhone: h.mother.phone ?? "",
    guardianName: g?.name ?? "",
    guardianRelationship: g?.relationship ?? "",
    guardianAge: g?.age != null ? String(g.age) : "",
    guardianHealth: g?.health ?? "",
    guardianCanCare: g?.canCare ?? true,
    guardianPhone: g?.phone ?? "",
    confirmationSigned: Boolean(g?.confirmationSignedOn),
    confirmationSignedOn: g?.confirmationSignedOn ?? "",
  };
}

export default async function EditHouseholdPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ conflict?: string }> }) {
  const [{ id }, { conflict }] = await Promise.all([params, searchParams]);
  const actor = await requireActor(["update", "household"]);
  const [{ t }, household] = await Promise.all([getTranslator(), loadHousehold(actor, id)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("household.editTitle")}</h1>
      {conflict && <FormMessage tone="warn">{t("registration.conflictShown")}</FormMessage>}
      <HouseholdForm
        key={household.version}
        villageName={household.areaName}
        today={todayInChina()}
        initial={formValues(household)}
        edit={{ householdId: household.id, version: household.version }}
      />
    </div>
  );
}
