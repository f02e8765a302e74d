"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { newRequestId } from "@/lib/domain/request-id";
import { z } from "zod";
import { createHouseholdAction, updateHouseholdAction } from "@/app/(app)/households/actions";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { INCOME_SOURCES } from "@/lib/domain/enums";
import { householdSchema, updateHouseholdSchema } from "@/lib/schemas/household";
import { CheckboxField, Fieldset, FormMessage, SelectField, TextField, type FieldErrors, type FormValues } from "./form-controls";
import { GuardianFields } from "./guardian-fields";
import { ParentFields } from "./parent-fields";

export const EMPTY_HOUSEHOLD: FormValues = {
  address: "",
  memberCount: "",
  incomeSource: "",
  hasDibao: false,
  hasTekun: false,
  isLowIncome: false,
  fatherStatus: "AT_HOME",
  fatherWhereabouts: "",
  fatherAwaySince: "",
  fatherPhone: "",
  motherStatus: "AT_HOME",
  motherWhereabouts: "",
  motherAwaySince: "",
  motherPhone: "",
  guardianName: "",
  guardianRelationship: "",
  guardianAge: "",
  guardianHealth: "",
  guardianCanCare: true,
  guardianPhone: "",
  confirmationSigned: false,
  confirmationSignedOn: "",
};

/** Registers or edits a household. The village is the director's own: shown, never typed or posted. */
export function HouseholdForm({ villageName, today, initial, edit }: { villageName: string; today: string; initial?: FormValues; edit?: { householdId: string; version: number } }) {
  const { t } = useI18n();
  const router = useRouter();
  const [values, setValues] = useState<FormValues>(initial ?? EMPTY_HOUSEHOLD);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // One id per opened form: a retry after a lost response is recognised and saves nothing twice.
  const [requestId] = useState(() => newRequestId());
  const onChange = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));
  const common = { values, errors, onChange };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = edit ? { ...values, ...edit } : { ...values, requestId };
    const parsed = edit ? updateHouseholdSchema.safeParse(input) : householdSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(z.flattenError(parsed.error as z.ZodError).fieldErrors as FieldErrors);
      setMessage("errors.validation");
      return;
    }
    setPending(true);
    const result = await (edit ? updateHouseholdAction(input) : createHouseholdAction(input)).catch(() => null);
    setPending(false);
    // Success redirects from the action (the result is then empty); only failures come back here.
    if (result === null) setMessage("errors.internal");
    if (!result || result.ok) return;
    if (result.error.code === "CONFLICT") {
      router.replace("?conflict=1");
      router.refresh();
      return;
    }
    setErrors(result.error.fieldErrors ?? {});
    setMessage(result.error.message);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="household-form">
      <Fieldset legend={t("household.basics")}>
        <div className="text-sm">
          <span className="text-slate-500">{t("household.village")}：</span>
          <span className="font-medium">{villageName}</span>
        </div>
        <TextField {...common} name="address" label={t("household.address")} hint={t("household.addressHint")} />
        <TextField {...common} name="memberCount" label={t("household.memberCount")} type="number" inputMode="numeric" />
        <SelectField {...common} name="incomeSource" label={t("household.incomeSource")} options={INCOME_SOURCES} labelOf={(v) => t(`incomeSource.${v}`)} />
        <CheckboxField {...common} name="hasDibao" label={t("household.hasDibao")} />
        <CheckboxField {...common} name="hasTekun" label={t("household.hasTekun")} />
        <CheckboxField {...common} name="isLowIncome" label={t("household.isLowIncome")} />
      </Fieldset>
      <ParentFields who="father" {...common} today={today} />
      <ParentFields who="mother" {...common} today={today} />
      <GuardianFields {...common} today={today} />
      {message && <FormMessage tone="error">{t(message)}</FormMessage>}
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("household.saving") : t(edit ? "household.saveChanges" : "household.save")}
      </Button>
    </form>
  );
}
