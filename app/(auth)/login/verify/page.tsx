import { redirect } from "next/navigation";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SecondFactorForm } from "@/components/auth/second-factor-form";
import { LogoutButton } from "@/components/shell/logout-button";
import { getSessionHolder } from "@/lib/auth/get-actor";
import { getTranslator } from "@/lib/i18n/server";

/** The login's second step: an authenticator code or a recovery code. */
export default async function VerifyPage() {
  const holder = await getSessionHolder();
  if (holder?.step !== "verifySecondFactor") redirect("/login");
  const { t } = await getTranslator();
  return (
    <AuthFrame title={t("account.twoFactor.verifyTitle")} footer={<LogoutButton />}>
      <p className="mb-4 text-sm text-slate-600">{t("account.twoFactor.verifyHint")}</p>
      <SecondFactorForm purpose="verify" />
    </AuthFrame>
  );
}
