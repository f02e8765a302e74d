"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { BOTTOM_BAR_ITEMS, MORE, type NavItem } from "@/lib/domain/navigation";
import { NavIcon } from "./nav-icon";

/** Sidebar on desktop, bottom bar on phones (the first few and "more"): one list, two layouts. */
export function NavLinks({ items, layout }: { items: NavItem[]; layout: "sidebar" | "bottom" }) {
  const { t } = useI18n();
  const pathname = usePathname();
  const shown = layout === "bottom" && items.length > BOTTOM_BAR_ITEMS + 1 ? [...items.slice(0, BOTTOM_BAR_ITEMS), MORE] : items;
  return (
    <ul className={layout === "bottom" ? "flex justify-around" : "space-y-1"}>
      {shown.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        const base =
          layout === "bottom"
            ? "flex min-h-14 min-w-16 flex-col items-center justify-center gap-0.5 px-3 text-xs"
            : "flex min-h-11 items-center gap-3 rounded-lg px-3 text-sm";
        const tone = active ? "text-brand-700 font-semibold" + (layout === "sidebar" ? " bg-brand-50" : "") : "text-slate-600 hover:text-slate-900";
        return (
          <li key={item.href}>
            <Link href={item.href} className={`${base} ${tone}`} aria-current={active ? "page" : undefined}>
              <NavIcon icon={item.icon} />
              <span>{t(item.labelKey)}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
