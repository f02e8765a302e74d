"use client";
import { useRouter } from "next/navigation";
import { cancelTransferAction } from "@/app/(app)/transfers/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/households/form-controls";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { cancelTransferSchema } from "@/lib/schemas/transfer";

/** The sending director withdraws her open request. */
export function CancelTransferButton({ transferId, version }: { transferId: string; version: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const { message, pending, submit } = useActionForm(cancelTransferSchema, cancelTransferAction);
  return (
    <div className="space-y-2">
      {message && <FormMessage tone="error">{t(message)}</FormMessage>}
      <Button type="button" variant="secondary" disabled={pending} className="w-full sm:w-auto" onClick={async () => (await submit({ transferId, version })) && router.refresh()}>
        {t("transfer.cancel")}
      </Button>
    </div>
  );
}
