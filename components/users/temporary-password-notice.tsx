import type { Translate } from "@/lib/i18n/translate";

/** The temporary password, shown once: it is not stored in readable form anywhere. */
export function TemporaryPasswordNotice({ loginName, password, name, t }: { loginName: string; password: string; name: string; t: Translate }) {
  return (
    <div role="status" className="space-y-1 rounded-lg bg-amber-50 p-3 text-sm text-amber-900" data-testid="temporary-password">
      <p className="font-semibold">{t("directors.passwordTitle")}</p>
      <p>
        {t("directors.loginName")}: <span className="font-mono">{loginName}</span>
      </p>
      <p className="font-mono text-lg tracking-wider break-all select-all">{password}</p>
      <p>{t("directors.passwordHelp", { name })}</p>
    </div>
  );
}
