import Link from "next/link";
import { GroupSessionList } from "@/components/group-sessions/group-session-list";
import { Stat } from "@/components/ui/stat";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { can } from "@/lib/server/access/policy";
import { listGroupSessions } from "@/lib/server/group-sessions/queries";

export default async function GroupSessionsPage() {
  const actor = await requireActor(["list", "groupSession"]);
  const [{ t }, data] = await Promise.all([getTranslator(), listGroupSessions(actor)]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">{t("groupSession.title")}</h1>
        {can(actor.role, "create", "groupSession") && (
          <Link href="/group-sessions/new" className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700">
            {t("groupSession.new")}
          </Link>
        )}
      </div>
      <section aria-label={t("groupSession.yearTotals", { year: data.year })}>
        <h2 className="mb-2 text-sm text-slate-600">{t("groupSession.yearTotals", { year: data.year })}</h2>
        <div className="grid grid-cols-3 gap-2">
          <Stat label={t("groupSession.totalSessions")} value={data.totals.sessions} />
          <Stat label={t("groupSession.totalChildren")} value={data.totals.children} />
          <Stat label={t("groupSession.totalCaregivers")} value={data.totals.caregivers} />
        </div>
      </section>
      <GroupSessionList sessions={data.sessions} showArea={actor.scopePrefix.length < 12} t={t} />
    </div>
  );
}
