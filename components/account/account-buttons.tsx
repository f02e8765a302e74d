"use client";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { disableTwoFactorAction, endAllSessionsAction } from "@/app/(app)/account/actions";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";

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

export function DisableTwoFactorButton() {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function onClick() {
    if (!window.confirm(t("account.disableTwoFactorConfirm"))) return;
    setPending(true);
    const result = await disableTwoFactorAction({}).catch(() => null);
    setPending(false);
    if (result?.ok) return router.refresh();
    setError(t(result ? result.error.message : "errors.internal"));
  }
  return (
    <div className="space-y-2">
      <Button type="button" variant="secondary" className="w-full sm:w-auto" disabled={pending} onClick={onClick}>
        {t("account.disableTwoFactor")}
      </Button>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
