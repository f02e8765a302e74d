"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { updateReferralDeadlineAction } from "@/app/(app)/settings/referral-deadlines/actions";
import { FormMessage, TextField, type FormValues } from "@/components/households/form-controls";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { referralDeadlineSchema } from "@/lib/schemas/referral";
import type { ReferralDeadlineRow } from "@/lib/server/referral-deadlines/queries";

/** One status's working days for the county; the defaults are shown so the officer knows what she changes. */
export function DeadlineForm({ row }: { row: ReferralDeadlineRow }) {
  const { t } = useI18n();
  const router = useRouter();
  const [values, setValues] = useState<FormValues>({ workingDays: String(row.workingDays ?? row.defaultDays) });
  const [saved, setSaved] = useState(false);
  const { errors, message, pending, submit } = useActionForm(referralDeadlineSchema, updateReferralDeadlineAction);
  const onChange = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (await submit({ status: row.status, version: row.version, workingDays: values.workingDays })) {
      setSaved(true);
      router.refresh();
    }
  }

  const hint = row.recognitionDays === row.defaultDays ? t("referral.deadlines.default", { days: row.defaultDays }) : t("referral.deadlines.defaultRecognition", { days: row.defaultDays, recognition: row.recognitionDays });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2">
      <TextField name="workingDays" type="number" inputMode="numeric" min="1" max="60" label={t(`referral.deadlines.status.${row.status}`)} hint={hint} values={values} errors={errors} onChange={onChange} />
      {message && <FormMessage tone="error">{t(message)}</FormMessage>}
      {saved && <FormMessage tone="ok">{t("referral.deadlines.saved")}</FormMessage>}
      <Button type="submit" variant="secondary" disabled={pending} className="w-full sm:w-auto">
        {t("referral.save")}
      </Button>
    </form>
  );
}
