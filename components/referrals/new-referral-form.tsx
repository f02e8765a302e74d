"use client";
import { useState, type FormEvent } from "react";
import { createReferralAction } from "@/app/(app)/referrals/actions";
import { FormMessage, type FormValues } from "@/components/households/form-controls";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { createReferralSchema } from "@/lib/schemas/referral";
import { ReferralFields } from "./referral-fields";

/** A referral written directly for a child; it is saved as a draft, submitted from its page. */
export function NewReferralForm({ childId }: { childId: string }) {
  const { t } = useI18n();
  const [values, setValues] = useState<FormValues>({ type: "", agency: "", reason: "" });
  const { errors, message, pending, submit } = useActionForm(createReferralSchema, createReferralAction);
  const onChange = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    // On success the action redirects to the new referral's page.
    await submit({ childId, ...values });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="new-referral-form">
      <ReferralFields values={values} errors={errors} onChange={onChange} />
      {message && <FormMessage tone="error">{t(message)}</FormMessage>}
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {t("referral.saveDraft")}
      </Button>
    </form>
  );
}
