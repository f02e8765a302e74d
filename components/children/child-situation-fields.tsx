"use client";
import { CheckboxField, Fieldset, SelectField, TextField, type FieldErrors, type FormValues } from "@/components/households/form-controls";
import { useI18n } from "@/components/i18n/i18n-provider";
import { CONSENT_BASES, DISABILITY_TYPES, HEALTH_STATUSES, HUKOU_STATUSES, LIVING_ARRANGEMENTS, MEDICAL_INSURANCE, SCHOOL_STAGES } from "@/lib/domain/enums";

type Props = { values: FormValues; errors: FieldErrors; onChange: (n: string, v: string | boolean) => void; today: string };

const NOT_IN_SCHOOL = ["", "NOT_YET", "OUT_OF_SCHOOL", "FINISHED"];

/** Hukou, school, health and disability, living arrangement and the basis for keeping the file. */
export function ChildSituationFields({ values, errors, onChange, today }: Props) {
  const { t } = useI18n();
  const common = { values, errors, onChange };
  const stage = String(values.schoolStage ?? "");
  return (
    <>
      <Fieldset legend={t("registration.hukouAndSchool")}>
        <SelectField {...common} name="hukouStatus" label={t("registration.hukouStatus")} options={HUKOU_STATUSES} labelOf={(v) => t(`hukou.${v}`)} />
        {values.hukouStatus !== "NONE" && <TextField {...common} name="hukouPlace" label={t("registration.hukouPlace")} />}
        <SelectField {...common} name="schoolStage" label={t("registration.schoolStage")} options={SCHOOL_STAGES} labelOf={(v) => t(`school.${v}`)} />
        {!NOT_IN_SCHOOL.includes(stage) && (
          <>
            <TextField {...common} name="schoolName" label={t("registration.schoolName")} />
            <CheckboxField {...common} name="isBoarding" label={t("registration.isBoarding")} />
          </>
        )}
        {stage === "OUT_OF_SCHOOL" && <TextField {...common} name="outOfSchoolReason" label={t("registration.outOfSchoolReason")} />}
      </Fieldset>
      <Fieldset legend={t("registration.healthSection")}>
        <SelectField {...common} name="healthStatus" label={t("registration.healthStatus")} options={HEALTH_STATUSES} labelOf={(v) => t(`health.${v}`)} allowEmpty={false} />
        <TextField {...common} name="healthNote" label={t("registration.healthNote")} />
        <SelectField {...common} name="disabilityType" label={t("registration.disabilityType")} options={DISABILITY_TYPES} labelOf={(v) => t(`disability.${v}`)} />
        {values.disabilityType !== "" && (
          <SelectField {...common} name="disabilityGrade" label={t("registration.disabilityGrade")} options={["1", "2", "3", "4"]} labelOf={(v) => t("registration.grade", { grade: v })} />
        )}
        <CheckboxField {...common} name="hasDisabilityCertificate" label={t("registration.hasDisabilityCertificate")} />
        <SelectField {...common} name="medicalInsurance" label={t("registration.medicalInsurance")} options={MEDICAL_INSURANCE} labelOf={(v) => t(`insurance.${v}`)} allowEmpty={false} />
      </Fieldset>
      <Fieldset legend={t("registration.livingAndConsent")}>
        <SelectField {...common} name="livingArrangement" label={t("registration.livingArrangement")} options={LIVING_ARRANGEMENTS} labelOf={(v) => t(`living.${v}`)} />
        <SelectField {...common} name="consentBasis" label={t("registration.consentBasis")} options={CONSENT_BASES} labelOf={(v) => t(`consentBasis.${v}`)} />
        {values.consentBasis === "GUARDIAN_CONSENT" && (
          <>
            <TextField {...common} name="consentGivenBy" label={t("registration.consentGivenBy")} />
            <TextField {...common} name="consentOn" label={t("registration.consentOn")} type="date" max={today} />
          </>
        )}
      </Fieldset>
    </>
  );
}
