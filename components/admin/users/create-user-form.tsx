"use client";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { createUserAction } from "@/app/(app)/admin/users/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage, SelectField, TextField, type FormValues } from "@/components/households/form-controls";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { TemporaryPasswordNotice } from "@/components/users/temporary-password-notice";
import { ROLES } from "@/lib/domain/roles";
import { createUserSchema } from "@/lib/schemas/admin-user";

type Created = { userId: string; loginName: string; temporaryPassword: string; name: string };

/** A new account of any role at an area of the right level; the temporary password is shown once. */
export function CreateUserForm() {
  const { t } = useI18n();
  const [values, setValues] = useState<FormValues>({ loginName: "", displayName: "", phone: "", role: "", areaCode: "" });
  const [created, setCreated] = useState<Created | null>(null);
  const form = useActionForm(createUserSchema, createUserAction);
  const onChange = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await form.submit(values);
    if (result) setCreated({ ...result, name: String(values.displayName) });
  }

  if (created) {
    return (
      <div className="space-y-3">
        <TemporaryPasswordNotice loginName={created.loginName} password={created.temporaryPassword} name={created.name} t={t} />
        <Link href={`/admin/users/${created.userId}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t("userAdmin.openUser")}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="create-user-form">
      <TextField name="loginName" label={t("userAdmin.loginName")} hint={t("userAdmin.loginNameHint")} values={values} errors={form.errors} onChange={onChange} />
      <TextField name="displayName" label={t("userAdmin.displayName")} values={values} errors={form.errors} onChange={onChange} />
      <TextField name="phone" label={t("userAdmin.phone")} type="tel" inputMode="tel" values={values} errors={form.errors} onChange={onChange} />
      <SelectField name="role" label={t("userAdmin.role")} options={ROLES} labelOf={(r) => t(`roles.${r}`)} values={values} errors={form.errors} onChange={onChange} />
      <TextField name="areaCode" label={t("userAdmin.area")} hint={t("userAdmin.areaHint")} inputMode="numeric" values={values} errors={form.errors} onChange={onChange} />
      {form.message && <FormMessage tone="error">{t(form.message)}</FormMessage>}
      <Button type="submit" disabled={form.pending} className="w-full sm:w-auto">
        {t("userAdmin.create")}
      </Button>
    </form>
  );
}
