import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";

const linkClass = "inline-flex min-h-11 min-w-24 items-center justify-center rounded-lg bg-white px-4 font-medium ring-1 ring-inset ring-slate-300 hover:bg-slate-50";

/** 上一页 / 下一页 as plain links; `href(page)` keeps the rest of the URL. */
export function PageLinks({ page, pageCount, total, href, t }: { page: number; pageCount: number; total: number; href: (page: number) => string; t: Translate }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="flex items-center justify-between gap-2" aria-label={t("eligibility.pageInfo", { page, pages: pageCount, total })}>
      {page > 1 ? (
        <Link href={href(page - 1)} className={linkClass} rel="prev">
          {t("eligibility.previous")}
        </Link>
      ) : (
        <span className="min-w-24" />
      )}
      <span className="text-center text-sm text-slate-600">{t("eligibility.pageInfo", { page, pages: pageCount, total })}</span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className={linkClass} rel="next">
          {t("eligibility.next")}
        </Link>
      ) : (
        <span className="min-w-24" />
      )}
    </nav>
  );
}
