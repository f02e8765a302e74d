"use client";
import { useState, type FormEvent } from "react";
import { requestTransferAction } from "@/app/(app)/transfers/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/households/form-controls";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { requestTransferSchema } from "@/lib/schemas/transfer";
import type { VillageOption } from "@/lib/server/areas/search";
import { VillagePicker } from "./village-picker";

/** The director's request: the receiving village (searched) and why the family moves. */
export function TransferForm({ childId }: { childId: string }) {
  const { t } = useI18n();
  const [village, setVillage] = useState<VillageOption | null>(null);
  const [reason, setReason] = useState("");
  const { errors, message, pending, submit } = useActionForm(requestTransferSchema, requestTransferAction);
  const reasonError = errors.reason?.[0];

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    await submit({ childId, toAreaCode: village?.code ?? "", reason });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="transfer-form">
      <VillagePicker value={village} onChoose={setVillage} error={errors.toAreaCode?.[0] ? t(errors.toAreaCode[0]) : undefined} />
      <Field label={t("transfer.reason")} htmlFor="reason" error={reasonError ? t(reasonError) : undefined} hint={t("transfer.reasonHint")}>
        <textarea id="reason" name="reason" rows={3} className={`${inputClass} py-2`} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!!reasonError} />
      </Field>
      {message && <FormMessage tone="error">{t(message)}</FormMessage>}
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {t("transfer.submit")}
      </Button>
    </form>
  );
}
