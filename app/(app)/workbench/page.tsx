import Link from "next/link";
import { ChildList } from "@/components/children/child-list";
import { Card } from "@/components/ui/card";
import { DirectorBenefitCard } from "@/components/eligibility/home-benefit-cards";
import { TodaysWorkView } from "@/components/workbench/todays-work";
import { inputClass } from "@/components/ui/field";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { DEFAULT_CHILD_SEARCH } from "@/lib/schemas/child-search";
import { searchChildren } from "@/lib/server/children/search";
import { getBenefitOverview } from "@/lib/server/entitlements/work";
import { getTodaysWork } from "@/lib/server/workbench/queries";

const SECONDARY =
  "flex min-h-12 items-center justify-center rounded-xl bg-white px-3 text-base font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50";

export default async function WorkbenchPage() {
  const actor = await requireActor(["list", "child"]);
  const isDirector = actor.role === "VILLAGE_DIRECTOR";
  const [{ t }, work, children, benefits] = await Promise.all([
    getTranslator(),
    getTodaysWork(actor),
    searchChildren(actor, DEFAULT_CHILD_SEARCH),
    isDirector ? getBenefitOverview(actor) : null,
  ]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("workbench.title")}</h1>
        <p className="text-sm text-slate-600">{t("workbench.greeting", { name: actor.displayName })}</p>
      </div>
      {isDirector && (
        <div className="space-y-2">
          <Link href="/households/new" className="flex min-h-14 items-center justify-center rounded-xl bg-brand-600 px-4 text-lg font-semibold text-white hover:bg-brand-700">
            + {t("workbench.register")}
          </Link>
          <div className="grid grid-cols-2 gap-2">
            <Link href="/group-sessions" className={SECONDARY}>
              {t("workbench.groupSession")}
            </Link>
            <Link href="/roster" className={SECONDARY}>
              {t("workbench.roster")}
            </Link>
          </div>
        </div>
      )}
      {/* A plain GET form: finding a child works without JavaScript on a slow phone. */}
      <form action="/children" method="get" role="search" className="flex gap-2">
        <input name="q" type="search" aria-label={t("workbench.searchPlaceholder")} placeholder={t("workbench.searchPlaceholder")} maxLength={50} className={inputClass} />
        <button type="submit" className="min-h-11 shrink-0 rounded-lg bg-white px-4 font-medium ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
          {t("workbench.searchSubmit")}
        </button>
      </form>
      <h2 className="text-base font-semibold">{t("workbench.todaysWork")}</h2>
      <TodaysWorkView work={work} t={t} />
      {benefits && <DirectorBenefitCard overview={benefits} t={t} />}
      <Card
        title={t("workbench.listTitle")}
        action={
          <Link href="/children" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700">
            {t("workbench.seeAll", { count: children.total })} →
          </Link>
        }
      >
        <p className="mb-1 text-xs text-slate-500">{t("workbench.listHint")}</p>
        {children.items.length ? <ChildList items={children.items} t={t} /> : <p className="text-sm text-slate-600">{t("workbench.empty")}</p>}
      </Card>
    </div>
  );
}
