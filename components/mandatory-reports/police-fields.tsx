"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Field, TextInput } from "@/components/ui/field";

type Props = { err: (name: string) => string | undefined; max: string; defaults?: { by?: string; at?: string; reference?: string } };

/** 报警情况: who called the police, when (Beijing time, not in the future) and their reference. */
export function PoliceFields({ err, max, defaults }: Props) {
  const { t } = useI18n();
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <Field label={t("mandatoryReport.policeInformedBy")} htmlFor="policeInformedBy" hint={t("mandatoryReport.policeInformedByHint")} error={err("policeInformedBy")}>
        <TextInput id="policeInformedBy" name="policeInformedBy" maxLength={100} defaultValue={defaults?.by} aria-invalid={!!err("policeInformedBy")} />
      </Field>
      <Field label={t("mandatoryReport.policeInformedAt")} htmlFor="policeInformedAt" error={err("policeInformedAt")}>
        <TextInput id="policeInformedAt" name="policeInformedAt" type="datetime-local" max={max} defaultValue={defaults?.at} aria-invalid={!!err("policeInformedAt")} />
      </Field>
      <Field label={t("mandatoryReport.policeReference")} htmlFor="policeReference" hint={t("mandatoryReport.policeReferenceHint")} error={err("policeReference")}>
        <TextInput id="policeReference" name="policeReference" maxLength={100} defaultValue={defaults?.reference} aria-invalid={!!err("policeReference")} />
      </Field>
    </div>
  );
}
