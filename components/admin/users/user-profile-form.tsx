"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { updateUserProfileAction } from "@/app/(app)/admin/users/[id]/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage, TextField, type FormValues } from "@/components/households/form-controls";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { updateUserSchema } from "@/lib/schemas/admin-user";

/** Name and phone, saved on the version shown (a colleague's change in between is a conflict). */
export function UserProfileForm({ user }: { user: { id: string; version: number; displayName: string; phone: string | null } }) {
  const { t } = useI18n();
  const router = useRouter();
  const [values, setValues] = useState<FormValues>({ displayName: user.displayName, phone: user.phone ?? "" });
  const [saved, setSaved] = useState(false);
  const form = useActionForm(updateUserSchema, updateUserProfileAction);
  const onChange = (name: string, value: string | boolean) => {
    setSaved(false);
    setValues((v) => ({ ...v, [name]: value }));
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (await form.submit({ userId: user.id, version: user.version, ...values })) {
      setSaved(true);
      router.refresh();
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="user-profile-form">
      <TextField name="displayName" label={t("userAdmin.displayName")} values={values} errors={form.errors} onChange={onChange} />
      <TextField name="phone" label={t("userAdmin.phone")} type="tel" inputMode="tel" values={values} errors={form.errors} onChange={onChange} />
      {form.message && <FormMessage tone="error">{t(form.message)}</FormMessage>}
      {saved && <FormMessage tone="ok">{t("userAdmin.saved")}</FormMessage>}
      <Button type="submit" disabled={form.pending} className="w-full sm:w-auto">
        {t("userAdmin.save")}
      </Button>
    </form>
  );
}
