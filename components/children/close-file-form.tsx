"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { closeChildFileAction } from "@/app/(app)/children/[id]/actions";
import { FormMessage, SelectField, TextField, type FieldErrors, type FormValues } from "@/components/households/form-controls";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { CLOSE_REASONS, closeFileSchema } from "@/lib/schemas/child";

/** Closing a file (moved away, turned 18, died, other + note). Closed files stay readable. */
export function CloseFileForm({ childId, version }: { childId: string; version: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const [values, setValues] = useState<FormValues>({ reason: "", note: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const onChange = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { childId, version, ...values };
    const parsed = closeFileSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(z.flattenError(parsed.error).fieldErrors);
      return;
    }
    setPending(true);
    const result = await closeChildFileAction(input).catch(() => null);
    setPending(false);
    if (result?.ok) {
      router.refresh();
      return;
    }
    setErrors(result?.error.fieldErrors ?? {});
    setMessage(result?.error.message ?? "errors.internal");
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
