"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { updateReferralAction } from "@/app/(app)/referrals/actions";
import { FormMessage, type FormValues } from "@/components/households/form-controls";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { updateReferralSchema } from "@/lib/schemas/referral";
import { ReferralFields } from "./referral-fields";

/** The director completes a draft or a returned referral before she submits it (again). */
export function ReferralEditForm({ referral }: { referral: { id: string; version: number; type: string; agency: string; reason: string } }) {
  const { t } = useI18n();
  const router = useRouter();
  const [values, setValues] = useState<FormValues>({ type: referral.type, agency: referral.agency, reason: referral.reason });
  const { errors, message, pending, submit } = useActionForm(updateReferralSchema, updateReferralAction);
  const onChange = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (await submit({ referralId: referral.id, version: referral.version, ...values })) router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <ReferralFields values={values} errors={errors} onChange={onChange} />
      {message && <FormMessage tone="error">{t(message)}</FormMessage>}
      <Button type="submit" variant="secondary" disabled={pending} className="w-full sm:w-auto">
        {t("referral.save")}
      </Button>
    </form>
  );
}
