"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { PARENT_STATUSES } from "@/lib/domain/enums";
import { Fieldset, SelectField, TextField, type FieldErrors, type FormValues } from "./form-controls";

/** Father or mother: status, and where and since when when working away (务工地). */
export function ParentFields({ who, values, errors, onChange, today }: { who: "father" | "mother"; values: FormValues; errors: FieldErrors; onChange: (n: string, v: string | boolean) => void; today: string }) {
  const { t } = useI18n();
  const common = { values, errors, onChange };
  const away = values[`${who}Status`] === "WORKING_AWAY";
  return (
    <Fieldset legend={t(`household.${who}`)}>
      <SelectField {...common} name={`${who}Status`} label={t(`household.${who}Status`)} options={PARENT_STATUSES} labelOf={(v) => t(`parentStatus.${v}`)} allowEmpty={false} />
      {away && (
        <>
          <TextField {...common} name={`${who}Whereabouts`} label={t(`household.${who}Whereabouts`)} hint={t("household.whereaboutsHint")} />
          <TextField {...common} name={`${who}AwaySince`} label={t(`household.${who}AwaySince`)} type="date" max={today} />
        </>
      )}
      <TextField {...common} name={`${who}Phone`} label={t(`household.${who}Phone`)} type="tel" inputMode="tel" />
    </Fieldset>
  );
}
