import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthFrame } from "@/components/auth/auth-frame";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { LogoutButton } from "@/components/shell/logout-button";
import { getSessionHolder } from "@/lib/auth/get-actor";
import { STEP_PAGES } from "@/lib/auth/step-pages";
import { getTranslator } from "@/lib/i18n/server";

/** Voluntary change from /account, or the change forced at first login (then no way round it but to sign out). */
export default async function ChangePasswordPage() {
  const holder = await getSessionHolder();
  if (!holder) redirect("/login");
  if (holder.step === "verifySecondFactor") redirect(STEP_PAGES.verifySecondFactor);
  const { t } = await getTranslator();
  const forced = holder.step === "changePassword";
  return (
    <AuthFrame
      title={t("account.password.title")}
      footer={
        forced ? (
          <LogoutButton />
        ) : (
          <Link href="/account" className="flex min-h-11 items-center text-sm text-brand-700 underline">
            {t("account.back")}
          </Link>
        )
      }
    >
      {forced && <p className="mb-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">{t("account.password.forced")}</p>}
      <ChangePasswordForm />
    </AuthFrame>
  );
}
