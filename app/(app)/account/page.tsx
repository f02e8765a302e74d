import Link from "next/link";
import { DisableTwoFactorButton, EndAllSessionsButton } from "@/components/account/account-buttons";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { getOwnAccount } from "@/lib/server/auth/account";
import { getOwnArea } from "@/lib/server/areas/queries";

const LINK_BUTTON =
  "inline-flex min-h-11 w-full items-center justify-center rounded-lg bg-white px-4 text-base font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 sm:w-auto";

/** 我的账号: who I am, my password and second factor, and "sign out everywhere". */
export default async function AccountPage() {
  const actor = await requireActor();
  const [{ t }, account, area] = await Promise.all([getTranslator(), getOwnAccount(actor), getOwnArea(actor)]);
  const rows: [string, string][] = [
    [t("account.name"), account.displayName],
    [t("account.loginName"), account.loginName],
    [t("account.role"), t(`roles.${actor.role}`)],
    [t("account.area"), area.name || t("dashboard.nation")],
    [t("account.passwordChangedOn"), account.passwordChangedOn ?? t("account.never")],
    [t("account.twoFactorStatus"), account.secondFactorOn ? t("account.on") : t("account.off")],
  ];
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("account.title")}</h1>
      <Card>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd className="font-medium text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
        {account.secondFactorOn && (
          <p className="mt-2 text-sm text-slate-600">{t("account.recoveryCodesLeft", { count: account.recoveryCodesLeft })}</p>
        )}
      </Card>
      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
        <Link href="/account/password" className={LINK_BUTTON}>
          {t("account.changePassword")}
        </Link>
        {!account.secondFactorOn && (
          <Link href="/account/two-factor" className={LINK_BUTTON}>
            {t("account.enableTwoFactor")}
          </Link>
        )}
        {account.secondFactorOn && !account.secondFactorRequired && <DisableTwoFactorButton />}
      </div>
      {account.secondFactorOn && account.secondFactorRequired && <p className="text-sm text-slate-600">{t("account.twoFactorRequired")}</p>}
      <Card>
        <p className="mb-3 text-sm text-slate-600">{t("account.endAllSessionsHint")}</p>
        <EndAllSessionsButton />
      </Card>
    </div>
  );
}
