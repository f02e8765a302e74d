"use client";
import { useState, type FormEvent } from "react";
import { createApplicationAction } from "@/app/(app)/entitlements/actions";
import { FormMessage } from "@/components/households/form-controls";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import type { BenefitTypeName } from "@/lib/domain/enums";
import { newRequestId } from "@/lib/domain/request-id";
import { createApplicationSchema } from "@/lib/schemas/entitlement";

/**
 * One button to apply. When the rule says "not eligible" the director must say why she applies anyway
 * (the server requires it too); the application is then flagged for the township and the county.
 */
export function ApplyForm({ childId, benefit, eligible }: { childId: string; benefit: BenefitTypeName; eligible: boolean }) {
  const { t } = useI18n();
  const [requestId] = useState(() => newRequestId());
  const [justification, setJustification] = useState("");
  const { errors, message, pending, submit } = useActionForm(createApplicationSchema, createApplicationAction);
  const err = (name: string) => (errors[name]?.[0] ? t(errors[name][0]) : undefined);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    // On success the action redirects to the new application's page.
    await submit({ childId, benefit, requestId, justification: eligible ? "" : justification });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="apply-form">
      {!eligible && (
        <Field label={t("entitlement.apply.justification")} htmlFor="justification" hint={t("entitlement.apply.justificationHint")} error={err("justification")}>
          <textarea
            id="justification"
            name="justification"
            rows={4}
            maxLength={500}
            required
            className={`${inputClass} py-2`}
            value={justification}
            onChange={(e) => setJustification(e.target.value)}
            aria-invalid={!!err("justification")}
          />
        </Field>
      )}
      {message && <FormMessage tone="error">{t(message)}</FormMessage>}
      <Button type="submit" disabled={pending} className="w-full sm:w-auto" data-testid="submit-application">
        {pending ? t("entitlement.apply.submitting") : t("entitlement.apply.submit")}
      </Button>
    </form>
  );
}
