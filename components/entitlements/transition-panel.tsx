"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { transitionEntitlementAction } from "@/app/(app)/entitlements/actions";
import { FormMessage } from "@/components/households/form-controls";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import type { EntitlementStatusName } from "@/lib/domain/enums";
import { EARLIEST_MONTH, latestMonth, transitionEntitlementSchema } from "@/lib/schemas/entitlement";
import type { EntitlementMove } from "@/lib/server/entitlements/detail";

// Moves that send back, refuse or stop look secondary, so the usual next step stands out.
const SECONDARY: readonly EntitlementStatusName[] = ["RETURNED", "DENIED", "WITHDRAWN", "SUSPENDED", "ENDED"];

/** The buttons for the moves this user may make now; a move that needs a reason or a month opens its fields first. */
export function EntitlementTransitionPanel({ entitlementId, version, status, moves }: { entitlementId: string; version: number; status: EntitlementStatusName; moves: EntitlementMove[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [chosen, setChosen] = useState<EntitlementMove | null>(null);
  const [note, setNote] = useState("");
  const [month, setMonth] = useState("");
  const { errors, message, pending, submit } = useActionForm(transitionEntitlementSchema, transitionEntitlementAction);
  // Back to RECEIVING from a suspension is a resumption, not a start.
  const label = (to: EntitlementStatusName) => t(status === "SUSPENDED" && to === "RECEIVING" ? "entitlement.move.RESUME" : `entitlement.move.${to}`);
  const err = (name: string) => (errors[name]?.[0] ? t(errors[name][0]) : undefined);

  function choose(move: EntitlementMove) {
    setChosen(move);
    setNote("");
    setMonth(move.defaultMonth ?? "");
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    const done = await submit({ entitlementId, version, to: chosen.to, note, month: chosen.monthRequired ? month : "" });
    if (done) setChosen(null);
    // Success, or someone else moved it first (the message says so): the page shows the state as it is now,
    // and a second try carries the new version.
    router.refresh();
  }

  if (moves.length === 0) return null;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="entitlement-transitions">
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
            {label(move.to)}
          </Button>
        ))}
      </div>
      {chosen && (
        <div className="space-y-3 rounded-lg bg-slate-50 p-3">
          {chosen.monthRequired && (
            <Field label={t(`entitlement.monthLabel.${chosen.to}`)} htmlFor="month" error={err("month")} hint={t("entitlement.monthHint")}>
              <input
                id="month"
                name="month"
                type="month"
                className={inputClass}
                value={month}
                min={EARLIEST_MONTH}
                max={latestMonth()}
                onChange={(e) => setMonth(e.target.value)}
                aria-invalid={!!err("month")}
              />
            </Field>
          )}
          <Field label={t(chosen.noteRequired ? "entitlement.noteRequired" : "entitlement.noteOptional")} htmlFor="note" error={err("note")}>
            <textarea id="note" name="note" rows={3} maxLength={500} className={`${inputClass} py-2`} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={!!err("note")} />
          </Field>
          {message && <FormMessage tone="error">{t(message)}</FormMessage>}
          <div className="flex flex-col gap-2 sm:flex-row">
            <Button type="submit" disabled={pending} className="w-full sm:w-auto" data-testid="confirm-transition">
              {t("entitlement.confirm", { action: label(chosen.to) })}
            </Button>
            <Button type="button" variant="ghost" className="w-full sm:w-auto" onClick={() => setChosen(null)}>
              {t("entitlement.cancel")}
            </Button>
          </div>
        </div>
      )}
    </form>
  );
}
