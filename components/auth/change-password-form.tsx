"use client";
import { signOut } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { changePasswordAction } from "@/app/(auth)/account/password/actions";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { changePasswordSchema } from "@/lib/schemas/auth";

type Errors = Partial<Record<"currentPassword" | "newPassword" | "repeatPassword", string[]>>;

export function ChangePasswordForm() {
  const { t } = useI18n();
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = changePasswordSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      setErrors(z.flattenError(parsed.error).fieldErrors);
      return;
    }
    setErrors({});
    setMessage(null);
    setPending(true);
    const result = await changePasswordAction(parsed.data).catch(() => null);
    if (result?.ok) {
      // Every session of the user is already ended on the server; this clears the cookie too.
      await signOut({ callbackUrl: "/login?notice=passwordChanged" });
      return;
    }
    setPending(false);
    if (!result) return setMessage(t("errors.internal"));
    setErrors(result.error.fieldErrors ?? {});
    if (!result.error.fieldErrors) setMessage(t(result.error.message));
  }

  const errorsOf = (name: keyof Errors) => (errors[name]?.length ? errors[name].map((key) => t(key)).join("；") : undefined);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label={t("account.password.current")} htmlFor="currentPassword" error={errorsOf("currentPassword")}>
        <TextInput id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" aria-invalid={!!errorsOf("currentPassword")} required />
      </Field>
      <Field label={t("account.password.new")} htmlFor="newPassword" error={errorsOf("newPassword")} hint={t("account.password.hint")}>
        <TextInput id="newPassword" name="newPassword" type="password" autoComplete="new-password" minLength={10} aria-invalid={!!errorsOf("newPassword")} required />
      </Field>
      <Field label={t("account.password.repeat")} htmlFor="repeatPassword" error={errorsOf("repeatPassword")}>
        <TextInput id="repeatPassword" name="repeatPassword" type="password" autoComplete="new-password" aria-invalid={!!errorsOf("repeatPassword")} required />
      </Field>
      <p className="text-sm text-slate-600">{t("account.password.afterwards")}</p>
      {message && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {message}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("account.password.submitting") : t("account.password.submit")}
      </Button>
    </form>
  );
}
