import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";
import { childSearchQuery, type ChildSearch } from "@/lib/schemas/child-search";

const linkClass = "inline-flex min-h-11 min-w-24 items-center justify-center rounded-lg bg-white px-4 font-medium ring-1 ring-inset ring-slate-300 hover:bg-slate-50";

/** 上一页 / 下一页 as plain links, keeping the rest of the search. */
export function ChildSearchPager({ search, page, pageCount, total, t }: { search: ChildSearch; page: number; pageCount: number; total: number; t: Translate }) {
  return (
    <nav className="flex items-center justify-between gap-2" aria-label={t("childSearch.pageInfo", { page, total })}>
      {page > 1 ? (
        <Link href={`/children${childSearchQuery({ ...search, page: page - 1 })}`} className={linkClass} rel="prev">
          {t("childSearch.previous")}
        </Link>
      ) : (
        <span className="min-w-24" />
      )}
      <span className="text-center text-sm text-slate-600" data-testid="child-search-page-info">
        {t("childSearch.pageInfo", { page, total })}
      </span>
      {page < pageCount ? (
        <Link href={`/children${childSearchQuery({ ...search, page: page + 1 })}`} className={linkClass} rel="next">
          {t("childSearch.next")}
        </Link>
      ) : (
        <span className="min-w-24" />
      )}
    </nav>
  );
}
