"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { updateVisitPolicyAction } from "@/app/(app)/settings/visit-policy/actions";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { RISK_LEVELS } from "@/lib/domain/categories";
import { MAX_INTERVAL_DAYS, MIN_INTERVAL_DAYS, type VisitIntervals } from "@/lib/domain/visit-policy";
import { visitPolicySchema } from "@/lib/schemas/visit-policy";

type Errors = Record<string, string[] | undefined>;

/** The county's four visit intervals; saved together, refused if someone else saved in between. */
export function VisitPolicyForm({ intervals, version }: { intervals: VisitIntervals; version: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = visitPolicySchema.safeParse({ version, ...Object.fromEntries(new FormData(event.currentTarget)) });
    if (!parsed.success) {
      setErrors(z.flattenError(parsed.error).fieldErrors);
      return;
    }
    setPending(true);
    const result = await updateVisitPolicyAction(parsed.data).catch(() => null);
    setPending(false);
    if (result?.ok) {
      setErrors({});
      setMessage({ tone: "ok", text: t("visitPolicy.saved") });
      router.refresh();
    } else {
      setErrors(result?.error.fieldErrors ?? {});
      setMessage({ tone: "error", text: t(result?.error.message ?? "errors.internal") });
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
      {message && (
        <p role="status" className={`rounded-lg p-3 text-sm ${message.tone === "ok" ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}>
          {message.text}
        </p>
      )}
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("visitPolicy.saving") : t("visitPolicy.save")}
      </Button>
    </form>
  );
}
