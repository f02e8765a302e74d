"use client";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { disableTwoFactorAction, endAllSessionsAction } from "@/app/(app)/account/actions";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { disableTwoFactorSchema } from "@/lib/schemas/auth";

export function EndAllSessionsButton() {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function onClick() {
    if (!window.confirm(t("account.endAllSessionsConfirm"))) return;
    setPending(true);
    const result = await endAllSessionsAction({}).catch(() => null);
    if (result?.ok) return signOut({ callbackUrl: "/login" });
    setPending(false);
    setError(t(result ? result.error.message : "errors.internal"));
  }
  return (
    <div className="space-y-2">
      <Button type="button" variant="secondary" className="w-full sm:w-auto" disabled={pending} onClick={onClick}>
        {t("account.endAllSessions")}
      </Button>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}

/** Turning the second factor off asks for the current password (a session left open is not enough). */
export function DisableTwoFactorButton() {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = disableTwoFactorSchema.safeParse({ currentPassword: new FormData(event.currentTarget).get("currentPassword") ?? "" });
    if (!parsed.success) return setError(t(parsed.error.issues[0]?.message ?? "errors.validation"));
    if (!window.confirm(t("account.disableTwoFactorConfirm"))) return;
    setPending(true);
    const result = await disableTwoFactorAction(parsed.data).catch(() => null);
    setPending(false);
    if (result?.ok) return router.refresh();
    setError(t(result ? (result.error.fieldErrors?.currentPassword?.[0] ?? result.error.message) : "errors.internal"));
  }
  return (
    <form className="space-y-2" onSubmit={onSubmit} noValidate>
      <Field label={t("account.password.current")} htmlFor="disableTwoFactorPassword" error={error ?? undefined}>
        <TextInput id="disableTwoFactorPassword" name="currentPassword" type="password" autoComplete="current-password" aria-invalid={!!error} required />
      </Field>
      <Button type="submit" variant="secondary" className="w-full sm:w-auto" disabled={pending}>
        {t("account.disableTwoFactor")}
      </Button>
    </form>
  );
}
