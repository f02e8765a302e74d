"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { setBenefitRateAction } from "@/app/(app)/settings/benefits/actions";
import { FormMessage } from "@/components/households/form-controls";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import type { BenefitTypeName } from "@/lib/domain/enums";
import { formatFen } from "@/lib/domain/money";
import { benefitRateSchema } from "@/lib/schemas/benefit-rate";

type Props = { benefit: BenefitTypeName; level: "COUNTY" | "PROVINCE"; month: string; earliest: string; latest: string };

/** "New amount from month …" for the officer's own county or province; earlier months keep their amounts. */
export function RateForm({ benefit, level, month, earliest, latest }: Props) {
  const { t } = useI18n();
  const router = useRouter();
  const { errors, message, pending, submit } = useActionForm(benefitRateSchema, setBenefitRateAction);
  const [saved, setSaved] = useState<{ month: string; amountFen: number } | null>(null);
  const id = (name: string) => `${benefit}-${name}`;
  const err = (name: string) => (errors[name]?.[0] ? t(errors[name][0]) : undefined);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const form = new FormData(event.currentTarget);
    const result = await submit({ benefit, month: form.get("month"), amountYuan: form.get("amountYuan") });
    if (result) {
      setSaved({ month: result.month, amountFen: result.amountFen });
      router.refresh();
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 border-t border-slate-100 pt-3" data-testid={`rate-form-${benefit}`}>
      <div>
        <h3 className="font-medium">{t("payment.rates.formTitle")}</h3>
        <p className="text-xs text-slate-500">{t(`payment.rates.formFor.${level}`)}</p>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("payment.rates.month")} htmlFor={id("month")} hint={t("payment.rates.monthHint", { month: earliest })} error={err("month")}>
          <TextInput id={id("month")} name="month" type="month" min={earliest} max={latest} defaultValue={month} required aria-invalid={!!err("month")} />
        </Field>
        <Field label={t("payment.rates.amount")} htmlFor={id("amountYuan")} hint={t("payment.rates.amountHint")} error={err("amountYuan")}>
          <TextInput id={id("amountYuan")} name="amountYuan" inputMode="decimal" autoComplete="off" maxLength={10} required aria-invalid={!!err("amountYuan")} />
        </Field>
      </div>
      {message && <FormMessage tone="error">{err("benefit") ?? t(message)}</FormMessage>}
      {saved && <FormMessage tone="ok">{t("payment.rates.saved", { month: saved.month, amount: formatFen(saved.amountFen) })}</FormMessage>}
      <Button type="submit" variant="secondary" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("payment.rates.saving") : t("payment.rates.save")}
      </Button>
    </form>
  );
}
