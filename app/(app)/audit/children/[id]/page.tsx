import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { isUuid } from "@/lib/domain/ids";
import { getTranslator } from "@/lib/i18n/server";
import { CHILD_LOG_ROLES, listChildAccessLog } from "@/lib/server/audit-events/child-log";
import { NotFoundError } from "@/lib/server/errors";

const TIME = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" });
const linkClass = "inline-flex min-h-11 items-center text-sm text-brand-700";

/** A child's access log (谁动过这份档案), for the township supervisor and the county officer. */
export default async function ChildAccessLogPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ before?: string }> }) {
  const [{ id }, { before }] = await Promise.all([params, searchParams]);
  const actor = await requireActor(["read", "child"]);
  if (!isUuid(id) || !CHILD_LOG_ROLES.includes(actor.role)) notFound();
  const { t } = await getTranslator();
  const log = await listChildAccessLog(actor, id, { before }).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (!log) notFound();
  return (
    <div className="space-y-4">
      <Link href={`/children/${log.childId}`} className={linkClass}>
        ← {log.childName}
      </Link>
      <div>
        <h1 className="text-xl font-semibold">{t("audit.childLog.title")}</h1>
        <p className="text-sm text-slate-600">{t("audit.childLog.note")}</p>
      </div>
      <Card>
        {log.entries.length === 0 && <p className="text-sm text-slate-600">{t("audit.childLog.empty")}</p>}
        <ul className="divide-y divide-slate-100" data-testid="child-access-log">
          {log.entries.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <div className="min-w-0">
                <div>
                  <span className="font-medium">{t(`audit.actions.${e.action}`)}</span> · {t(`audit.entities.${e.entity}`)}
                </div>
                <div className="text-xs text-slate-500">
                  {e.displayName}
                  {e.role && <> · {t(`roles.${e.role}`)}</>} · <span className="tabular-nums">{TIME.format(new Date(e.at))}</span>
                </div>
              </div>
              <Badge tone={e.outcome === "SUCCESS" ? "green" : "red"}>{t(`audit.outcomes.${e.outcome}`)}</Badge>
            </li>
          ))}
        </ul>
      </Card>
      {log.nextBefore && (
        <Link href={`/audit/children/${log.childId}?before=${log.nextBefore}`} className={linkClass} data-testid="child-access-log-older">
          {t("audit.childLog.older")} →
        </Link>
      )}
    </div>
  );
}
