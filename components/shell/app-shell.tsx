import Link from "next/link";
import type { ReactNode } from "react";
import type { NavItem } from "@/lib/domain/navigation";
import type { Translate } from "@/lib/i18n/translate";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { LanguageSwitch } from "./language-switch";
import { LogoutButton } from "./logout-button";
import { NavLinks } from "./nav-links";

type Props = { t: Translate; user: { displayName: string; roleLabel: string; areaName: string }; nav: NavItem[]; hasNotifications: boolean; children: ReactNode };

export function AppShell({ t, user, nav, hasNotifications, children }: Props) {
  const showBottomNav = nav.length > 1;
  return (
    <div className="min-h-dvh md:flex">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2 print:hidden">
        {t("app.skip")}
      </a>
      <aside className="hidden w-60 shrink-0 flex-col border-r border-slate-200 bg-white p-4 md:flex print:hidden">
        <Link href="/" className="mb-6 flex items-center gap-2 text-lg font-semibold text-brand-800">
          <span className="flex h-8 w-8 items-center justify-center rounded-lg bg-brand-600 text-white" aria-hidden>
            童
          </span>
          {t("app.short")}
        </Link>
        <nav aria-label={t("nav.menu")}>
          <NavLinks items={nav} layout="sidebar" />
        </nav>
        <div className="mt-auto space-y-1 border-t border-slate-100 pt-4 text-sm">
          <div className="font-medium">{user.displayName}</div>
          <div className="text-xs text-slate-500">
            {user.roleLabel} · {user.areaName}
          </div>
          <div className="flex gap-1 pt-2">
            {hasNotifications && <NotificationBell />}
            <LanguageSwitch />
            <LogoutButton />
          </div>
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-10 flex items-center justify-between gap-2 border-b border-slate-200 bg-white/95 px-4 py-2 backdrop-blur md:hidden print:hidden">
          <div className="min-w-0">
            <div className="truncate text-sm font-semibold">{user.displayName}</div>
            <div className="truncate text-xs text-slate-500">
              {user.roleLabel} · {user.areaName}
            </div>
          </div>
          <div className="flex shrink-0">
            {hasNotifications && <NotificationBell />}
            <LanguageSwitch />
            <LogoutButton />
          </div>
        </header>
        <main id="main" className={`mx-auto w-full max-w-6xl flex-1 p-4 md:p-6 print:max-w-none print:p-0 ${showBottomNav ? "pb-24 md:pb-6 print:pb-0" : ""}`}>
          {children}
        </main>
        {showBottomNav && (
          <nav aria-label={t("nav.menu")} className="fixed inset-x-0 bottom-0 z-10 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] md:hidden print:hidden">
            <NavLinks items={nav} layout="bottom" />
          </nav>
        )}
      </div>
    </div>
  );
}
