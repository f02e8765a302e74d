"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { transitionReferralAction } from "@/app/(app)/referrals/actions";
import { FormMessage, TextField, type FormValues } from "@/components/households/form-controls";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { todayInChina } from "@/lib/domain/dates";
import type { ReferralStatusName } from "@/lib/domain/referral-workflow";
import { transitionReferralSchema } from "@/lib/schemas/referral";
import type { ReferralMove } from "@/lib/server/referrals/detail";

const EMPTY: FormValues = { note: "", referredOn: "", agency: "", outcome: "", idNumber: "" };
// Moves that end or send back the referral look secondary, so the usual next step stands out.
const SECONDARY: readonly ReferralStatusName[] = ["RETURNED", "REJECTED", "CLOSED_UNRESOLVED"];

/** The big buttons for the moves this user may make now; a move that needs a note or a date opens its fields first. */
export function TransitionPanel({ referralId, version, moves }: { referralId: string; version: number; moves: ReferralMove[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [chosen, setChosen] = useState<ReferralMove | null>(null);
  const [values, setValues] = useState<FormValues>(EMPTY);
  const { errors, message, pending, submit } = useActionForm(transitionReferralSchema, transitionReferralAction);
  const onChange = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  function choose(move: ReferralMove) {
    setChosen(move);
    setValues({ ...EMPTY, referredOn: move.required.includes("referredOn") ? todayInChina() : "" });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    const fields = [...chosen.required, ...chosen.optional];
    const input = { referralId, version, to: chosen.to, note: values.note, ...Object.fromEntries(fields.map((f) => [f, values[f]])) };
    if (await submit(input)) {
      setChosen(null);
      router.refresh();
    }
  }

  if (moves.length === 0) return null;
  const fields = chosen ? [...chosen.required, ...chosen.optional] : [];
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="referral-transitions">
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
        {moves.map((move) => (
          <Button
            key={move.to}
            type="button"
            variant={chosen?.to === move.to || !SECONDARY.includes(move.to) ? "primary" : "secondary"}
            className="w-full sm:w-auto"
            aria-pressed={chosen?.to === move.to}
            onClick={() => choose(move)}
          >
            {t(`referral.move.${move.to}`)}
          </Button>
        ))}
      </div>
      {chosen && (
        <div className="space-y-3 rounded-lg bg-slate-50 p-3">
          {fields.includes("referredOn") && <TextField name="referredOn" type="date" label={t("referral.referredOn")} values={values} errors={errors} onChange={onChange} max={todayInChina()} />}
          {fields.includes("agency") && <TextField name="agency" label={t("referral.agencyConfirm")} hint={t("referral.agencyHint")} values={values} errors={errors} onChange={onChange} />}
          {fields.includes("outcome") && <TextField name="outcome" label={t("referral.outcome")} values={values} errors={errors} onChange={onChange} />}
          {fields.includes("idNumber") && <TextField name="idNumber" label={t("referral.newIdNumber")} hint={t("referral.newIdNumberHint")} values={values} errors={errors} onChange={onChange} />}
          <TextField name="note" label={t(chosen.noteRequired ? "referral.noteRequired" : "referral.noteOptional")} values={values} errors={errors} onChange={onChange} />
          {message && <FormMessage tone="error">{t(message)}</FormMessage>}
          <div className="flex flex-col gap-2 sm:flex-row">
            <Button type="submit" disabled={pending} className="w-full sm:w-auto" data-testid="confirm-transition">
              {t("referral.confirm", { action: t(`referral.move.${chosen.to}`) })}
            </Button>
            <Button type="button" variant="ghost" className="w-full sm:w-auto" onClick={() => setChosen(null)}>
              {t("referral.cancel")}
            </Button>
          </div>
        </div>
      )}
    </form>
  );
}
