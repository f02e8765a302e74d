"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deactivateDirectorAction, reactivateDirectorAction, resetDirectorPasswordAction } from "@/app/(app)/township/directors/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/households/form-controls";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { directorRefSchema } from "@/lib/schemas/user";
import type { DirectorDto } from "@/lib/server/users/directors";
import { DirectorAccountForm } from "./director-account-form";
import { TemporaryPasswordNotice } from "./temporary-password-notice";

/** One director: deactivate, reset her password, or hand the village to someone new. */
export function DirectorRow({ director }: { director: DirectorDto }) {
  const { t } = useI18n();
  const router = useRouter();
  const [password, setPassword] = useState<string | null>(null);
  const [replacing, setReplacing] = useState(false);
  const deactivate = useActionForm(directorRefSchema, deactivateDirectorAction);
  const reactivate = useActionForm(directorRefSchema, reactivateDirectorAction);
  const reset = useActionForm(directorRefSchema, resetDirectorPasswordAction);
  const ref = { userId: director.id, version: director.version };
  const message = deactivate.message ?? reactivate.message ?? reset.message;
  const pending = deactivate.pending || reactivate.pending || reset.pending;

  return (
    <li className="space-y-2 py-3" data-testid="director-row">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{director.displayName}</span>
        <span className="text-sm text-slate-500">@{director.loginName}</span>
        {!director.isActive && <Badge>{t("directors.inactive")}</Badge>}
        {director.isActive && director.mustChangePassword && <Badge tone="yellow">{t("directors.mustChange")}</Badge>}
      </div>
      {director.phone && <div className="text-sm text-slate-600">{director.phone}</div>}
      {password && <TemporaryPasswordNotice loginName={director.loginName} password={password} name={director.displayName} t={t} />}
      {message && <FormMessage tone="error">{t(message)}</FormMessage>}
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
        {director.isActive ? (
          <>
            <Button type="button" variant="secondary" disabled={pending} onClick={async () => { const r = await reset.submit(ref); if (r) setPassword(r.temporaryPassword); }}>
              {t("directors.resetPassword")}
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setReplacing((v) => !v)}>
              {t("directors.replace")}
            </Button>
            <Button type="button" variant="ghost" disabled={pending} onClick={async () => window.confirm(t("directors.confirmDeactivate")) && (await deactivate.submit(ref)) && router.refresh()}>
              {t("directors.deactivate")}
            </Button>
          </>
        ) : (
          <Button type="button" variant="secondary" disabled={pending} onClick={async () => (await reactivate.submit(ref)) && router.refresh()}>
            {t("directors.reactivate")}
          </Button>
        )}
      </div>
      {replacing && director.isActive && <DirectorAccountForm target={{ kind: "replace", userId: director.id, version: director.version }} idPrefix={`r-${director.id}`} />}
    </li>
  );
}
