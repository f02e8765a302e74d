"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { reopenChildFileAction } from "@/app/(app)/children/[id]/actions";
import { FormMessage, TextField, type FormValues } from "@/components/households/form-controls";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { reopenFileSchema } from "@/lib/schemas/child";

/** A child who came back: the director opens the closed file again instead of registering a second one. */
export function ReopenFileForm({ childId, version }: { childId: string; version: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const [values, setValues] = useState<FormValues>({ note: "" });
  const { errors, message, pending, submit } = useActionForm(reopenFileSchema, reopenChildFileAction);
  const onChange = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (await submit({ childId, version, ...values })) router.refresh();
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
