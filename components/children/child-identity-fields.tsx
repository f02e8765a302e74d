"use client";
import { Fieldset, CheckboxField, SelectField, TextField, type FieldErrors, type FormValues } from "@/components/households/form-controls";
import { useI18n } from "@/components/i18n/i18n-provider";
import { SEXES } from "@/lib/domain/enums";

type Props = { values: FormValues; errors: FieldErrors; onChange: (n: string, v: string | boolean) => void; today: string; maskedId?: string | null };

/** 姓名, sex, date of birth, ethnicity and the ID number (or why there is none). */
export function ChildIdentityFields({ values, errors, onChange, today, maskedId }: Props) {
  const { t } = useI18n();
  const common = { values, errors, onChange };
  return (
    <Fieldset legend={t("registration.identity")}>
      <TextField {...common} name="name" label={t("registration.name")} hint={t("registration.nameHint")} />
      <SelectField {...common} name="sex" label={t("registration.sex")} options={SEXES} labelOf={(v) => t(`sex.${v}`)} />
      <TextField {...common} name="dateOfBirth" label={t("registration.dateOfBirth")} type="date" max={today} />
      <TextField {...common} name="ethnicity" label={t("registration.ethnicity")} />
      <CheckboxField {...common} name="noId" label={t("registration.noId")} />
      {values.noId === true ? (
        <TextField {...common} name="noIdReason" label={t("registration.noIdReason")} hint={t("registration.noIdReasonHint")} />
      ) : (
        <TextField
          {...common}
          name="idNumber"
          label={t("registration.idNumber")}
          hint={maskedId ? t("registration.idKeepHint", { masked: maskedId }) : t("registration.idHint")}
          inputMode="text"
        />
      )}
    </Fieldset>
  );
}
