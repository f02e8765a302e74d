import type { Translate } from "@/lib/i18n/translate";
import type { EntitlementTimelineEntry } from "@/lib/server/entitlements/detail";

function beijingTime(iso: string) {
  return new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
}

/** Each step of the application: who (in which role), when, the move, the month it takes effect and the reason. */
export function EntitlementTimeline({ entries, t }: { entries: EntitlementTimelineEntry[]; t: Translate }) {
  if (entries.length === 0) return <p className="text-sm text-slate-600">{t("entitlement.noTimeline")}</p>;
  return (
    <ol className="relative space-y-4 border-l-2 border-slate-200 pl-4" data-testid="entitlement-timeline">
      {entries.map((e) => (
        <li key={e.id} className="relative">
          <span className="absolute -left-[1.4rem] top-1.5 size-3 rounded-full bg-brand-600 ring-4 ring-white" aria-hidden />
          <div className="font-medium">
            {e.fromStatus ? `${t(`entitlementStatus.${e.fromStatus}`)} → ` : ""}
            {t(`entitlementStatus.${e.toStatus}`)}
            {e.month && <span className="font-normal text-slate-600"> · {t("entitlement.fromMonth", { month: e.month })}</span>}
          </div>
          <div className="text-sm text-slate-600">
            {[e.actorName, e.actorRole ? t(`roles.${e.actorRole}`) : null, beijingTime(e.occurredAt)].filter(Boolean).join(" · ")}
          </div>
          {e.note && <p className="mt-1 whitespace-pre-wrap break-words text-sm">{e.note}</p>}
        </li>
      ))}
    </ol>
  );
}
