"use client";
import { useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { LOCALE_COOKIE } from "@/lib/i18n/config";

/** The locale is a plain preference cookie: no server round trip needed to change it. */
export function LanguageSwitch({ className = "" }: { className?: string }) {
  const { locale, t } = useI18n();
  const router = useRouter();
  function toggle() {
    const next = locale === "zh-CN" ? "en" : "zh-CN";
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }
  return (
    <button type="button" onClick={toggle} className={`min-h-11 rounded-lg px-3 text-sm text-slate-600 hover:bg-slate-100 ${className}`} lang={locale === "zh-CN" ? "en" : "zh-CN"}>
      {t("nav.language")}
    </button>
  );
}
