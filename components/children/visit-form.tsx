"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { recordVisitAction } from "@/app/(app)/children/[id]/actions";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field, inputClass, TextInput } from "@/components/ui/field";
import { RISK_LEVELS } from "@/lib/domain/categories";
import { recordVisitSchema } from "@/lib/schemas/visit";

type Errors = Record<string, string[] | undefined>;

export function VisitForm({ childId, today }: { childId: string; today: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const input = { childId, ...Object.fromEntries(new FormData(formElement)) };
    const parsed = recordVisitSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(z.flattenError(parsed.error).fieldErrors);
      return;
    }
    setPending(true);
    setMessage(null);
    const result = await recordVisitAction(parsed.data).catch(() => null);
    setPending(false);
    if (result?.ok) {
      setErrors({});
      setMessage({ tone: "ok", text: t("visit.saved") });
      formElement.reset();
      router.refresh();
    } else {
      setErrors(result?.error.fieldErrors ?? {});
      setMessage({ tone: "error", text: t(result?.error.message ?? "errors.internal") });
    }
  }

  const err = (name: string) => (errors[name]?.[0] ? t(errors[name][0]) : undefined);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="visit-form">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("visit.visitedOn")} htmlFor="visitedOn" error={err("visitedOn")}>
          <TextInput id="visitedOn" name="visitedOn" type="date" defaultValue={today} max={today} aria-invalid={!!err("visitedOn")} />
        </Field>
        <Field label={t("visit.riskLevel")} htmlFor="riskLevel" error={err("riskLevel")}>
          <select id="riskLevel" name="riskLevel" className={inputClass} defaultValue="" aria-invalid={!!err("riskLevel")}>
            <option value="" disabled>
              —
            </option>
            {RISK_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`risk.${level}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t("visit.notes")} htmlFor="notes" hint={t("visit.notesHint")} error={err("notes")}>
        <textarea id="notes" name="notes" rows={3} className={`${inputClass} py-2`} aria-invalid={!!err("notes")} />
      </Field>
      <Field label={t("visit.nextVisitOn")} htmlFor="nextVisitOn" error={err("nextVisitOn")}>
        <TextInput id="nextVisitOn" name="nextVisitOn" type="date" min={today} aria-invalid={!!err("nextVisitOn")} />
      </Field>
      {message && (
        <p role="status" className={`rounded-lg p-3 text-sm ${message.tone === "ok" ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}>
          {message.text}
        </p>
      )}
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("visit.saving") : t("visit.submit")}
      </Button>
    </form>
  );
}
