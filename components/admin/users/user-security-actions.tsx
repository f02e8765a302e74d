"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  deactivateUserAction,
  endUserSessionsAction,
  reactivateUserAction,
  resetSecondFactorAction,
  resetUserPasswordAction,
  unlockUserAction,
} from "@/app/(app)/admin/users/[id]/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/households/form-controls";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { TemporaryPasswordNotice } from "@/components/users/temporary-password-notice";
import { userRefSchema } from "@/lib/schemas/admin-user";
import type { ManagedUserDto } from "@/lib/server/users/admin-queries";

type Props = { user: ManagedUserDto };

/** For an account she may change (never her own): deactivate or reactivate, reset the password (shown once), end sessions, reset the second factor, unlock. */
export function UserSecurityActions({ user }: Props) {
  const { t } = useI18n();
  const router = useRouter();
  const [password, setPassword] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const forms = {
    deactivate: useActionForm(userRefSchema, deactivateUserAction),
    reactivate: useActionForm(userRefSchema, reactivateUserAction),
    reset: useActionForm(userRefSchema, resetUserPasswordAction),
    sessions: useActionForm(userRefSchema, endUserSessionsAction),
    factor: useActionForm(userRefSchema, resetSecondFactorAction),
    unlock: useActionForm(userRefSchema, unlockUserAction),
  };
  const all = Object.values(forms);
  const pending = all.some((f) => f.pending);
  const message = all.map((f) => f.message).find(Boolean);
  const ref = { userId: user.id, version: user.version };

  async function run(form: (typeof forms)[keyof typeof forms], doneKey: string | null, confirmKey?: string) {
    if (confirmKey && !window.confirm(t(confirmKey))) return;
    setDone(null);
    const result = await form.submit(ref);
    if (!result) return;
    if ("temporaryPassword" in result) setPassword(result.temporaryPassword);
    setDone(doneKey);
    router.refresh();
  }

  return (
    <div className="space-y-3">
      {password && <TemporaryPasswordNotice loginName={user.loginName} password={password} name={user.displayName} t={t} />}
      {message && <FormMessage tone="error">{t(message)}</FormMessage>}
      {done && <FormMessage tone="ok">{t(done)}</FormMessage>}
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
        <Button type="button" variant="secondary" disabled={pending} onClick={() => run(forms.reset, null, "userAdmin.confirmResetPassword")}>
          {t("userAdmin.resetPassword")}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => run(forms.sessions, "userAdmin.sessionsEnded")}>
          {t("userAdmin.endSessions")}
        </Button>
        {user.hasSecondFactor && (
          <Button type="button" variant="secondary" disabled={pending} onClick={() => run(forms.factor, "userAdmin.secondFactorReset", "userAdmin.confirmResetSecondFactor")}>
            {t("userAdmin.resetSecondFactor")}
          </Button>
        )}
        {user.isLocked && (
          <Button type="button" variant="secondary" disabled={pending} onClick={() => run(forms.unlock, "userAdmin.unlocked")}>
            {t("userAdmin.unlock")}
          </Button>
        )}
        {user.isActive && (
          <Button type="button" variant="ghost" disabled={pending} onClick={() => run(forms.deactivate, null, "userAdmin.confirmDeactivate")}>
            {t("userAdmin.deactivate")}
          </Button>
        )}
        {!user.isActive && (
          <Button type="button" variant="secondary" disabled={pending} onClick={() => run(forms.reactivate, null)}>
            {t("userAdmin.reactivate")}
          </Button>
        )}
      </div>
    </div>
  );
}
