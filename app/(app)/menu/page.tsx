import Link from "next/link";
import { NavIcon } from "@/components/shell/nav-icon";
import { requireActor } from "@/lib/auth/require-actor";
import { NAVIGATION } from "@/lib/domain/navigation";
import { getTranslator } from "@/lib/i18n/server";

/** Everything in the role's menu, for phones whose bottom bar shows only the first few. */
export default async function MenuPage() {
  const actor = await requireActor();
  const { t } = await getTranslator();
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">{t("nav.menuTitle")}</h1>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        {NAVIGATION[actor.role].map((item) => (
          <li key={item.href}>
            <Link href={item.href} className="flex min-h-20 flex-col items-center justify-center gap-1 rounded-xl bg-white p-3 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-200 hover:bg-slate-50">
              <NavIcon icon={item.icon} />
              {t(item.labelKey)}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
