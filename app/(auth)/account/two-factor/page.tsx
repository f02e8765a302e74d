import Link from "next/link";
import { redirect } from "next/navigation";
import QRCode from "qrcode";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SecondFactorForm } from "@/components/auth/second-factor-form";
import { LogoutButton } from "@/components/shell/logout-button";
import { getSessionHolder } from "@/lib/auth/get-actor";
import { STEP_PAGES } from "@/lib/auth/step-pages";
import { groupSecret } from "@/lib/domain/totp";
import { getTranslator } from "@/lib/i18n/server";
import { prepareTotpEnrolment } from "@/lib/server/auth/second-factor";

/** Enrolment: required before anything else for SECOND_FACTOR_ROLES, optional for the others (from /account). */
export default async function TwoFactorPage() {
  const holder = await getSessionHolder();
  if (!holder) redirect("/login");
  if (holder.step && holder.step !== "enrolSecondFactor") redirect(STEP_PAGES[holder.step]);
  const { t } = await getTranslator();
  const back = holder.step ? (
    <LogoutButton />
  ) : (
    <Link href="/account" className="flex min-h-11 items-center text-sm text-brand-700 underline">
      {t("account.back")}
    </Link>
  );
  if (holder.hasSecondFactor) {
    return (
      <AuthFrame title={t("account.twoFactor.title")} footer={back}>
        <p className="text-sm">{t("account.twoFactor.alreadyOn")}</p>
      </AuthFrame>
    );
  }
  const enrolment = await prepareTotpEnrolment(holder);
  // Drawn on the server: the secret never goes to a third-party QR service.
  const qr = await QRCode.toDataURL(enrolment.uri, { margin: 1, width: 220 });
  return (
    <AuthFrame title={t("account.twoFactor.title")} footer={back}>
      <div className="space-y-4">
        <p className="text-sm text-slate-600">{holder.step ? t("account.twoFactor.required") : t("account.twoFactor.optional")}</p>
        <p className="text-sm">{t("account.twoFactor.scan")}</p>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL, nothing for next/image to optimise */}
        <img src={qr} alt={t("account.twoFactor.qrAlt")} width={220} height={220} className="mx-auto" />
        <div className="text-sm">
          <p className="text-slate-600">{t("account.twoFactor.manual")}</p>
          <p data-testid="totp-secret" className="mt-1 break-all rounded bg-slate-100 p-2 text-center font-mono">
            {groupSecret(enrolment.secret)}
          </p>
        </div>
        <SecondFactorForm purpose="enrol" />
      </div>
    </AuthFrame>
  );
}
