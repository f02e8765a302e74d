"use client";
import type { FormEvent } from "react";
import { createMandatoryReportAction } from "@/app/(app)/reports/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { createReportSchema } from "@/lib/schemas/mandatory-report";
import { PoliceFields } from "./police-fields";

/** A 强制报告 raised directly: sent at once on submit (no draft); success opens the report page. */
export function ReportForm({ childId, now }: { childId: string; now: string }) {
  const { t } = useI18n();
  const { errors, message, pending, submit } = useActionForm(createReportSchema, createMandatoryReportAction);
  const err = (name: string) => (errors[name]?.[0] ? t(errors[name][0]) : undefined);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit({ ...Object.fromEntries(new FormData(event.currentTarget)), childId });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="report-form">
      <Field label={t("mandatoryReport.description")} htmlFor="description" hint={t("mandatoryReport.descriptionHint")} error={err("description")}>
        <textarea id="description" name="description" rows={5} maxLength={2000} className={`${inputClass} py-2`} aria-invalid={!!err("description")} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t("mandatoryReport.policeOptional")}</legend>
        <PoliceFields err={err} max={now} />
      </fieldset>
      {message && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {t(message)}
        </p>
      )}
      <Button type="submit" disabled={pending} className="w-full bg-red-700 hover:bg-red-800 sm:w-auto">
        {pending ? t("mandatoryReport.sending") : t("mandatoryReport.send")}
      </Button>
    </form>
  );
}
