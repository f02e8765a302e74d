"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { reopenChildFileAction } from "@/app/(app)/children/[id]/actions";
import { FormMessage, TextField, type FieldErrors, type FormValues } from "@/components/households/form-controls";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { reopenFileSchema } from "@/lib/schemas/child";

/** A child who came back: the director opens the closed file again instead of registering a second one. */
export function ReopenFileForm({ childId, version }: { childId: string; version: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const [values, setValues] = useState<FormValues>({ note: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const onChange = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { childId, version, ...values };
    const parsed = reopenFileSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(z.flattenError(parsed.error).fieldErrors);
      return;
    }
    setPending(true);
    const result = await reopenChildFileAction(input).catch(() => null);
    setPending(false);
    if (result?.ok) {
      router.refresh();
      return;
    }
    setErrors(result?.error.fieldErrors ?? {});
    setMessage(result?.error.message ?? "errors.internal");
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="reopen-file-form">
      <p className="text-sm text-slate-600">{t("child.reopenHint")}</p>
      <TextField name="note" label={t("child.reopenNote")} values={values} errors={errors} onChange={onChange} />
      {message && <FormMessage tone="error">{t(message)}</FormMessage>}
      <Button type="submit" variant="secondary" disabled={pending} className="w-full sm:w-auto">
        {t("child.reopenFile")}
      </Button>
    </form>
  );
}
