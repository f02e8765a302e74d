"use client";
import { useState, type FormEvent } from "react";
import { createDirectorAction, replaceDirectorAction } from "@/app/(app)/township/directors/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage, TextField, type FormValues } from "@/components/households/form-controls";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { createDirectorSchema, replaceDirectorSchema } from "@/lib/schemas/user";
import { TemporaryPasswordNotice } from "./temporary-password-notice";

type Target = { kind: "create"; areaCode: string } | { kind: "replace"; userId: string; version: number };
type Created = { loginName: string; temporaryPassword: string; name: string };

/** A new director's account for a village, or the successor of one (handover); shows the password once. */
export function DirectorAccountForm({ target, idPrefix }: { target: Target; idPrefix: string }) {
  const { t } = useI18n();
  const [values, setValues] = useState<FormValues>({ loginName: "", displayName: "", phone: "" });
  const [created, setCreated] = useState<Created | null>(null);
  const createForm = useActionForm(createDirectorSchema, createDirectorAction);
  const replaceForm = useActionForm(replaceDirectorSchema, replaceDirectorAction);
  const form = target.kind === "create" ? createForm : replaceForm;
  const onChange = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = target.kind === "create" ? await createForm.submit({ areaCode: target.areaCode, ...values }) : await replaceForm.submit({ userId: target.userId, version: target.version, ...values });
    if (result) setCreated({ loginName: result.loginName, temporaryPassword: result.temporaryPassword, name: String(values.displayName) });
  }

  if (created) return <TemporaryPasswordNotice loginName={created.loginName} password={created.temporaryPassword} name={created.name} t={t} />;
  // Field ids must be unique on a page that lists many villages.
  const field = (name: string) => `${idPrefix}-${name}`;
  const errors = Object.fromEntries(Object.entries(form.errors).map(([k, v]) => [field(k), v]));
  const prefixed = Object.fromEntries(Object.entries(values).map(([k, v]) => [field(k), v]));
  const onPrefixedChange = (name: string, value: string | boolean) => onChange(name.slice(idPrefix.length + 1), value);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="director-account-form">
      <TextField name={field("loginName")} label={t("directors.loginName")} hint={t("directors.loginNameHint")} values={prefixed} errors={errors} onChange={onPrefixedChange} />
      <TextField name={field("displayName")} label={t("directors.displayName")} values={prefixed} errors={errors} onChange={onPrefixedChange} />
      <TextField name={field("phone")} label={t("directors.phone")} type="tel" inputMode="tel" values={prefixed} errors={errors} onChange={onPrefixedChange} />
      {form.message && <FormMessage tone="error">{t(form.message)}</FormMessage>}
      <Button type="submit" disabled={form.pending} className="w-full sm:w-auto">
        {t("directors.create")}
      </Button>
    </form>
  );
}
