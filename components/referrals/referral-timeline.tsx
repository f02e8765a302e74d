import type { Translate } from "@/lib/i18n/translate";
import type { ReferralTimelineEntry } from "@/lib/server/referrals/detail";

function beijingTime(iso: string) {
  return new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
}

/** The approval chain: each step with who (and in which role), when, the move and its note. */
export function ReferralTimeline({ entries, t }: { entries: ReferralTimelineEntry[]; t: Translate }) {
  if (entries.length === 0) return <p className="text-sm text-slate-600">{t("referral.noTimeline")}</p>;
  return (
    <ol className="relative space-y-4 border-l-2 border-slate-200 pl-4" data-testid="referral-timeline">
      {entries.map((e) => (
        <li key={e.id} className="relative">
          <span className="absolute -left-[1.4rem] top-1.5 size-3 rounded-full bg-brand-600 ring-4 ring-white" aria-hidden />
          <div className="font-medium">
            {e.fromStatus ? `${t(`referralStatus.${e.fromStatus}`)} → ` : ""}
            {t(`referralStatus.${e.toStatus}`)}
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
