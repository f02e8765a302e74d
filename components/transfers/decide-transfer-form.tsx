"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { decideTransferAction } from "@/app/(app)/transfers/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/households/form-controls";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { decideTransferSchema } from "@/lib/schemas/transfer";

/** The receiving supervisor accepts, or refuses with a note. */
export function DecideTransferForm({ transferId, version }: { transferId: string; version: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const [note, setNote] = useState("");
  const { errors, message, pending, submit } = useActionForm(decideTransferSchema, decideTransferAction);
  const noteError = errors.note?.[0];

  async function decide(decision: "ACCEPT" | "REJECT") {
    if (await submit({ transferId, version, decision, note })) router.refresh();
  }

  return (
    <div className="space-y-3" data-testid="decide-transfer">
      <p className="text-sm text-slate-600">{t("transfer.acceptedNote")}</p>
      <Field label={t("transfer.rejectNote")} htmlFor="note" error={noteError ? t(noteError) : undefined}>
        <textarea id="note" rows={2} className={`${inputClass} py-2`} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={!!noteError} />
      </Field>
      {message && <FormMessage tone="error">{t(message)}</FormMessage>}
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="button" disabled={pending} onClick={() => decide("ACCEPT")}>
          {t("transfer.accept")}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => decide("REJECT")}>
          {t("transfer.reject")}
        </Button>
      </div>
    </div>
  );
}
