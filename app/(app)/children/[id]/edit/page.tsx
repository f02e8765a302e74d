import Link from "next/link";
import { notFound } from "next/navigation";
import { ChildForm } from "@/components/children/child-form";
import { FormMessage } from "@/components/households/form-controls";
import { requireActor } from "@/lib/auth/require-actor";
import { todayInChina } from "@/lib/domain/dates";
import { isUuid } from "@/lib/domain/ids";
import { getTranslator } from "@/lib/i18n/server";
import { getChildFile, type ChildFile } from "@/lib/server/children/file";
import { toHouseholdFacts } from "@/lib/server/households/dto";

function formValues(f: ChildFile) {
  return {
    name: f.name,
    sex: f.sex,
    dateOfBirth: f.dateOfBirth,
    ethnicity: f.ethnicity,
    // Blank keeps the stored number: the page never holds the full ID.
    idNumber: "",
    noId: !f.idNumberMasked,
    noIdReason: f.noIdReason ?? "",
    hukouStatus: f.hukouStatus,
    hukouPlace: f.hukouPlace ?? "",
    schoolStage: f.schoolStage,
    schoolName: f.schoolName ?? "",
    outOfSchoolReason: f.outOfSchoolReason ?? "",
    isBoarding: f.isBoarding,
    healthStatus: f.healthStatus,
    healthNote: f.healthNote ?? "",
    disabilityType: f.disabilityType ?? "",
    disabilityGrade: f.disabilityGrade ? String(f.disabilityGrade) : "",
    hasDisabilityCertificate: f.hasDisabilityCertificate,
    medicalInsurance: f.medicalInsurance,
    livingArrangement: f.livingArrangement,
    consentBasis: f.consentBasis,
    consentGivenBy: f.consentGivenBy ?? "",
    consentOn: f.consentOn ?? "",
  };
}

export default async function EditChildPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ conflict?: string }> }) {
  const [{ id }, { conflict }] = await Promise.all([params, searchParams]);
  const actor = await requireActor(["update", "child"]);
  if (!isUuid(id)) notFound();
  const [{ t }, file] = await Promise.all([getTranslator(), getChildFile(actor, id)]);
  if (!file || file.status !== "ACTIVE") notFound();
  const active = file.categories.filter((c) => !c.endDate).map((c) => ({ id: c.id, category: c.category, startDate: c.startDate }));
  return (
    <div className="space-y-4">
      <Link href={`/children/${file.id}`} className="inline-flex min-h-11 items-center text-sm text-brand-700">
        ← {t("child.back")}
      </Link>
      <h1 className="text-xl font-semibold">{t("registration.editTitle", { name: file.name })}</h1>
      {conflict && <FormMessage tone="warn">{t("registration.conflictShown")}</FormMessage>}
      <ChildForm
        key={file.version}
        today={todayInChina()}
        household={toHouseholdFacts(file.household)}
        initial={formValues(file)}
        edit={{ childId: file.id, version: file.version, maskedId: file.idNumberMasked, active }}
        canRecordHiv={actor.hivAccess}
      />
    </div>
  );
}
