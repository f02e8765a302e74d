"use client";
import { signOut } from "next-auth/react";
import { useI18n } from "@/components/i18n/i18n-provider";

export function LogoutButton({ className = "" }: { className?: string }) {
  const { t } = useI18n();
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/login" })} className={`min-h-11 rounded-lg px-3 text-sm text-slate-600 hover:bg-slate-100 ${className}`}>
      {t("nav.logout")}
    </button>
  );
}
