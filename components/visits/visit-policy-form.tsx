"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { updateVisitPolicyAction } from "@/app/(app)/settings/visit-policy/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { RISK_LEVELS } from "@/lib/domain/categories";
import { MAX_INTERVAL_DAYS, MIN_INTERVAL_DAYS, type VisitIntervals } from "@/lib/domain/visit-policy";
import { visitPolicySchema } from "@/lib/schemas/visit-policy";

/** The county's four visit intervals; saved together, refused if someone else saved in between. */
export function VisitPolicyForm({ intervals, version }: { intervals: VisitIntervals; version: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const { errors, message, pending, submit } = useActionForm(visitPolicySchema, updateVisitPolicyAction);
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    if (await submit({ version, ...Object.fromEntries(new FormData(event.currentTarget)) })) {
      setSaved(true);
      router.refresh();
    }
  }

  const err = (name: string) => (errors[name]?.[0] ? t(errors[name][0]) : undefined);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="visit-policy-form">
      <div className="grid gap-3 sm:grid-cols-2">
        {RISK_LEVELS.map((level) => (
          <Field key={level} label={`${t(`risk.${level}`)} · ${t("visitPolicy.days")}`} htmlFor={level} hint={t("visitPolicy.daysHint")} error={err(level)}>
            <TextInput id={level} name={level} type="number" inputMode="numeric" min={MIN_INTERVAL_DAYS} max={MAX_INTERVAL_DAYS} step={1} defaultValue={intervals[level]} aria-invalid={!!err(level)} />
          </Field>
        ))}
      </div>
      {(saved || message) && (
        <p role="status" className={`rounded-lg p-3 text-sm ${saved ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}>
          {saved ? t("visitPolicy.saved") : t(message ?? "errors.internal")}
        </p>
      )}
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("visitPolicy.saving") : t("visitPolicy.save")}
      </Button>
    </form>
  );
}
