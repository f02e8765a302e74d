import Link from "next/link";
import { ChildList } from "@/components/children/child-list";
import { ChildSearchForm } from "@/components/children/child-search-form";
import { ChildSearchPager } from "@/components/children/child-search-pager";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { parseChildSearch, type WorkFilter } from "@/lib/schemas/child-search";
import { searchChildren } from "@/lib/server/children/search";

const WORK_TITLE: Record<WorkFilter, string> = {
  overdue: "workbench.sections.overdue",
  "due-week": "workbench.sections.dueThisWeek",
  "no-id": "workbench.sections.noIdNumber",
  turning: "workbench.sections.turning",
  "missing-data": "workbench.sections.missingData",
  "returned-referral": "workbench.sections.returnedReferrals",
};

export default async function ChildrenPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(["list", "child"]);
  const search = parseChildSearch(await searchParams);
  const [{ t }, result] = await Promise.all([getTranslator(), searchChildren(actor, search)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("childSearch.title")}</h1>
      {search.work && (
        <p className="flex flex-wrap items-center gap-2 rounded-lg bg-amber-50 p-3 text-sm">
          <span className="font-medium">{t("childSearch.work", { name: t(WORK_TITLE[search.work]) })}</span>
          <Link href="/children" className="inline-flex min-h-11 items-center text-brand-700">
            {t("childSearch.clearWork")}
          </Link>
        </p>
      )}
      <ChildSearchForm search={search} t={t} />
      <Card>
        {result.items.length ? <ChildList items={result.items} t={t} /> : <p className="text-sm text-slate-600">{t("childSearch.empty")}</p>}
      </Card>
      <ChildSearchPager search={search} page={result.page} pageCount={result.pageCount} total={result.total} t={t} />
    </div>
  );
}
