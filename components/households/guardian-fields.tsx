"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { CheckboxField, Fieldset, TextField, type FieldErrors, type FormValues } from "./form-controls";

/** The entrusted guardian (委托监护人) and the signed 委托监护确认书. */
export function GuardianFields({ values, errors, onChange, today }: { values: FormValues; errors: FieldErrors; onChange: (n: string, v: string | boolean) => void; today: string }) {
  const { t } = useI18n();
  const common = { values, errors, onChange };
  return (
    <Fieldset legend={t("household.guardian")}>
      <p className="text-sm text-slate-600">{t("household.guardianHint")}</p>
      <TextField {...common} name="guardianName" label={t("household.guardianName")} />
      <TextField {...common} name="guardianRelationship" label={t("household.guardianRelationship")} hint={t("household.relationshipHint")} />
      <TextField {...common} name="guardianAge" label={t("household.guardianAge")} type="number" inputMode="numeric" />
      <TextField {...common} name="guardianHealth" label={t("household.guardianHealth")} />
      <CheckboxField {...common} name="guardianCanCare" label={t("household.guardianCanCare")} />
      <TextField {...common} name="guardianPhone" label={t("household.guardianPhone")} type="tel" inputMode="tel" />
      <CheckboxField {...common} name="confirmationSigned" label={t("household.confirmationSigned")} />
      {values.confirmationSigned === true && <TextField {...common} name="confirmationSignedOn" label={t("household.confirmationSignedOn")} type="date" max={today} />}
    </Fieldset>
  );
}
