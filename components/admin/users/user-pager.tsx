import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";
import type { UserListQuery } from "@/lib/schemas/admin-user";

const linkClass = "inline-flex min-h-11 min-w-24 items-center justify-center rounded-lg bg-white px-4 font-medium ring-1 ring-inset ring-slate-300 hover:bg-slate-50";

function hrefFor(query: UserListQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.role) params.set("role", query.role);
  if (query.active) params.set("active", query.active);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `/admin/users?${s}` : "/admin/users";
}

/** 上一页 / 下一页 as plain links, keeping the filters. */
export function UserPager({ query, page, pageCount, total, t }: { query: UserListQuery; page: number; pageCount: number; total: number; t: Translate }) {
  return (
    <nav className="flex items-center justify-between gap-2" aria-label={t("userAdmin.pageInfo", { page, total })}>
      {page > 1 ? (
        <Link href={hrefFor(query, page - 1)} className={linkClass} rel="prev">
          {t("userAdmin.previous")}
        </Link>
      ) : (
        <span className="min-w-24" />
      )}
      <span className="text-center text-sm text-slate-600">{t("userAdmin.pageInfo", { page, total })}</span>
      {page < pageCount ? (
        <Link href={hrefFor(query, page + 1)} className={linkClass} rel="next">
          {t("userAdmin.next")}
        </Link>
      ) : (
        <span className="min-w-24" />
      )}
    </nav>
  );
}
