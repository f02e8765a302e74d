import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { getActor, getSessionHolder } from "@/lib/auth/get-actor";
import { STEP_PAGES } from "@/lib/auth/step-pages";
import { ROLE_HOME } from "@/lib/domain/roles";
import { getTranslator } from "@/lib/i18n/server";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const actor = await getActor();
  if (actor) redirect(ROLE_HOME[actor.role]);
  // Right password, but the session still owes a step (second factor, new password, enrolment).
  const holder = await getSessionHolder();
  if (holder?.step) redirect(STEP_PAGES[holder.step]);
  const [{ t }, { notice }] = await Promise.all([getTranslator(), searchParams]);
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-8">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div className="mx-auto mb-3 flex h-14 w-14 items-center justify-center rounded-2xl bg-brand-600 text-2xl text-white" aria-hidden>
            童
          </div>
          <h1 className="text-2xl font-semibold">{t("app.name")}</h1>
          <p className="mt-2 text-sm text-slate-600">{t("login.subtitle")}</p>
        </div>
        <div className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="mb-4 text-lg font-semibold">{t("login.title")}</h2>
          {notice === "passwordChanged" && (
            <p role="status" className="mb-4 rounded-lg bg-green-50 p-3 text-sm text-green-800">
              {t("account.passwordChanged")}
            </p>
          )}
          <LoginForm />
        </div>
        <p className="mt-4 text-center text-xs text-slate-500">{t("login.privacy")}</p>
        <div className="mt-4 flex justify-center">
          <LanguageSwitch />
        </div>
      </div>
    </main>
  );
}
