"use client";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { closeMandatoryReportAction } from "@/app/(app)/reports/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { closeReportSchema } from "@/lib/schemas/mandatory-report";

export function CloseForm({ reportId, version }: { reportId: string; version: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const { errors, message, pending, submit } = useActionForm(closeReportSchema, closeMandatoryReportAction);
  const err = (name: string) => (errors[name]?.[0] ? t(errors[name][0]) : undefined);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await submit({ ...Object.fromEntries(new FormData(event.currentTarget)), reportId, version })) router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="close-form">
      <Field label={t("mandatoryReport.closeNote")} htmlFor="note" hint={t("mandatoryReport.closeNoteHint")} error={err("note")}>
        <textarea id="note" name="note" rows={3} maxLength={1000} className={`${inputClass} py-2`} aria-invalid={!!err("note")} />
      </Field>
      {message && (
        <p role="alert" className="text-sm text-red-700">
          {t(message)}
        </p>
      )}
      <Button type="submit" variant="secondary" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("mandatoryReport.saving") : t("mandatoryReport.close")}
      </Button>
    </form>
  );
}
