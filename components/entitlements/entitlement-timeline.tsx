import { StatusTimeline } from "@/components/ui/status-timeline";
import type { Translate } from "@/lib/i18n/translate";
import type { EntitlementTimelineEntry } from "@/lib/server/entitlements/detail";

/** Each step of the application: who (in which role), when, the move, the month it takes effect and the reason. */
export function EntitlementTimeline({ entries, t }: { entries: EntitlementTimelineEntry[]; t: Translate }) {
  const steps = entries.map((e) => ({
    ...e,
    title: [
      `${e.fromStatus ? `${t(`entitlementStatus.${e.fromStatus}`)} → ` : ""}${t(`entitlementStatus.${e.toStatus}`)}`,
      e.month ? t("entitlement.fromMonth", { month: e.month }) : null,
    ]
      .filter(Boolean)
      .join(" · "),
  }));
  return <StatusTimeline steps={steps} emptyText={t("entitlement.noTimeline")} testId="entitlement-timeline" t={t} />;
}
