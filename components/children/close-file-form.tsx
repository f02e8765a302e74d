"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { closeChildFileAction } from "@/app/(app)/children/[id]/actions";
import { FormMessage, SelectField, TextField, type FormValues } from "@/components/households/form-controls";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { CLOSE_REASONS, closeFileSchema } from "@/lib/schemas/child";

/** Closing a file (moved away, turned 18, died, other + note). Closed files stay readable. */
export function CloseFileForm({ childId, version }: { childId: string; version: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const [values, setValues] = useState<FormValues>({ reason: "", note: "" });
  const { errors, message, pending, submit } = useActionForm(closeFileSchema, closeChildFileAction);
  const onChange = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (await submit({ childId, version, ...values })) router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="close-file-form">
      <SelectField name="reason" label={t("child.closeReasonLabel")} values={values} errors={errors} onChange={onChange} options={CLOSE_REASONS} labelOf={(v) => t(`child.closeReason.${v}`)} />
      {values.reason === "OTHER" && <TextField name="note" label={t("child.closeNote")} values={values} errors={errors} onChange={onChange} />}
      {message && <FormMessage tone="error">{t(message)}</FormMessage>}
      <Button type="submit" variant="secondary" disabled={pending} className="w-full sm:w-auto">
        {t("child.closeFile")}
      </Button>
    </form>
  );
}
