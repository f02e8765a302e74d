import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";

export type EntitlementTab = "applications" | "gaps" | "review";

const TABS: { tab: EntitlementTab; href: string; labelKey: string }[] = [
  { tab: "applications", href: "/entitlements", labelKey: "entitlement.tabs.applications" },
  { tab: "gaps", href: "/entitlements/gaps", labelKey: "entitlement.tabs.gaps" },
  { tab: "review", href: "/entitlements/review", labelKey: "entitlement.tabs.review" },
];

/** The three views of the benefits work: applications in progress, children who may be missing one, benefits to review. */
export function EntitlementTabs({ current, t }: { current: EntitlementTab; t: Translate }) {
  return (
    <nav aria-label={t("entitlement.nav")} className="flex gap-1 overflow-x-auto border-b border-slate-200">
      {TABS.map(({ tab, href, labelKey }) => (
        <Link
          key={tab}
          href={href}
          aria-current={tab === current ? "page" : undefined}
          className={`inline-flex min-h-11 shrink-0 items-center border-b-2 px-3 text-sm ${tab === current ? "border-brand-600 font-semibold text-brand-700" : "border-transparent text-slate-600"}`}
        >
          {t(labelKey)}
        </Link>
      ))}
    </nav>
  );
}
