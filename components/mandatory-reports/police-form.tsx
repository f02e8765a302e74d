"use client";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { recordPoliceInformedAction } from "@/app/(app)/reports/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { recordPoliceSchema } from "@/lib/schemas/mandatory-report";
import { PoliceFields } from "./police-fields";

type Props = { reportId: string; version: number; now: string; defaults?: { by?: string; at?: string; reference?: string } };

export function PoliceForm({ reportId, version, now, defaults }: Props) {
  const { t } = useI18n();
  const router = useRouter();
  const { errors, message, pending, submit } = useActionForm(recordPoliceSchema, recordPoliceInformedAction);
  const err = (name: string) => (errors[name]?.[0] ? t(errors[name][0]) : undefined);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await submit({ ...Object.fromEntries(new FormData(event.currentTarget)), reportId, version })) router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="police-form">
      <PoliceFields err={err} max={now} defaults={defaults} />
      {message && (
        <p role="alert" className="text-sm text-red-700">
          {t(message)}
        </p>
      )}
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("mandatoryReport.saving") : t("mandatoryReport.savePolice")}
      </Button>
    </form>
  );
}
