"use client";
import { SelectField, TextField, type FormValues } from "@/components/households/form-controls";
import type { FieldErrors } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { REFERRAL_TYPES } from "@/lib/domain/enums";

/** Type, receiving agency and reason: shared by the new-referral and edit forms. */
export function ReferralFields({ values, errors, onChange }: { values: FormValues; errors: FieldErrors; onChange: (name: string, value: string | boolean) => void }) {
  const { t } = useI18n();
  return (
    <>
      <SelectField name="type" label={t("referral.type")} values={values} errors={errors} onChange={onChange} options={REFERRAL_TYPES} labelOf={(v) => t(`referralType.${v}`)} />
      <TextField name="agency" label={t("referral.agency")} hint={t("referral.agencyHint")} values={values} errors={errors} onChange={onChange} />
      <TextField name="reason" label={t("referral.reason")} values={values} errors={errors} onChange={onChange} />
    </>
  );
}
