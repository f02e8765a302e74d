import Link from "next/link";
import { notFound } from "next/navigation";
import { UserFilters } from "@/components/admin/users/user-filters";
import { UserList } from "@/components/admin/users/user-list";
import { UserPager } from "@/components/admin/users/user-pager";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { userListQuerySchema, type UserListQuery } from "@/lib/schemas/admin-user";
import { listManagedUsers } from "@/lib/server/users/admin-queries";

type Search = Record<string, string | string[] | undefined>;

/** Unknown or repeated parameters fall back to the unfiltered list rather than an error page. */
function parseQuery(raw: Search): UserListQuery {
  const single = Object.fromEntries(Object.entries(raw).filter(([k, v]) => ["q", "role", "active", "page"].includes(k) && typeof v === "string"));
  const parsed = userListQuerySchema.safeParse(single);
  return parsed.success ? parsed.data : {};
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor(["list", "user"]);
  // A township supervisor manages her directors at /township/directors; this page is the administrator's.
  if (actor.role !== "SYSTEM_ADMIN") notFound();
  const query = parseQuery(await searchParams);
  const [{ t }, list] = await Promise.all([getTranslator(), listManagedUsers(actor, query)]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">{t("userAdmin.title")}</h1>
        <Link href="/admin/users/new" className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700">
          {t("userAdmin.add")}
        </Link>
      </div>
      <p className="text-sm text-slate-600">{t("userAdmin.intro")}</p>
      <UserFilters query={query} t={t} />
      <UserList users={list.users} t={t} />
      {list.pageCount > 1 && <UserPager query={query} page={list.page} pageCount={list.pageCount} total={list.total} t={t} />}
    </div>
  );
}
