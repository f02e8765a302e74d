import { StatusTimeline } from "@/components/ui/status-timeline";
import type { Translate } from "@/lib/i18n/translate";
import type { ReferralTimelineEntry } from "@/lib/server/referrals/detail";

/** The approval chain: each step with who (and in which role), when, the move and its note. */
export function ReferralTimeline({ entries, t }: { entries: ReferralTimelineEntry[]; t: Translate }) {
  const steps = entries.map((e) => ({
    ...e,
    title: `${e.fromStatus ? `${t(`referralStatus.${e.fromStatus}`)} → ` : ""}${t(`referralStatus.${e.toStatus}`)}`,
  }));
  return <StatusTimeline steps={steps} emptyText={t("referral.noTimeline")} testId="referral-timeline" t={t} />;
}
