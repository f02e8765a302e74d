import { ChainCheckPanel } from "@/components/audit/chain-check-panel";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { lastChainCheck } from "@/lib/server/audit-events/chain";
import { listAuditEvents } from "@/lib/server/audit-events/queries";

const TIME = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "medium" });

export default async function AuditPage() {
  const actor = await requireActor(["list", "auditEvent"]);
  const [{ t }, events, lastCheck] = await Promise.all([getTranslator(), listAuditEvents(actor), lastChainCheck(actor)]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("audit.title")}</h1>
        <p className="text-sm text-slate-600">{t("audit.note")}</p>
      </div>
      <ChainCheckPanel last={lastCheck} />
      <Card>
        <ul className="divide-y divide-slate-100" data-testid="audit-list">
          {events.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <div className="min-w-0">
                <div>
                  <span className="font-medium">{t(`audit.actions.${e.action}`)}</span> · {t(`audit.entities.${e.entity}`)}
                  {e.actorRole && <span className="text-slate-500"> · {t(`roles.${e.actorRole}`)}</span>}
                </div>
                <div className="text-xs text-slate-500 tabular-nums">
                  {TIME.format(new Date(e.occurredAt))} · {e.areaCode ?? "—"}
                </div>
              </div>
              <Badge tone={e.outcome === "SUCCESS" ? "green" : "red"}>{t(`audit.outcomes.${e.outcome}`)}</Badge>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
