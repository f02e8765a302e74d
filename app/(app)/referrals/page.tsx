import Link from "next/link";
import { ReferralList } from "@/components/referrals/referral-list";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { REFERRAL_STATUSES, type ReferralStatusName } from "@/lib/domain/referral-workflow";
import { getTranslator } from "@/lib/i18n/server";
import { can } from "@/lib/server/access/policy";
import { listReferrals } from "@/lib/server/referrals/queries";

const chip = "inline-flex min-h-11 items-center rounded-full px-3 text-sm ring-1 ring-inset";

export default async function ReferralsPage({ searchParams }: { searchParams: Promise<{ status?: string; overdue?: string }> }) {
  const params = await searchParams;
  const actor = await requireActor(["list", "referral"]);
  const status = REFERRAL_STATUSES.find((s) => s === params.status);
  const overdue = params.overdue === "1";
  const [{ t }, items] = await Promise.all([getTranslator(), listReferrals(actor, { status: status ? [status] : undefined, overdue })]);
  const href = (next: { status?: ReferralStatusName; overdue?: boolean }) => {
    const q = new URLSearchParams();
    if (next.status) q.set("status", next.status);
    if (next.overdue) q.set("overdue", "1");
    return q.size ? `/referrals?${q}` : "/referrals";
  };
  const tone = (active: boolean) => (active ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">{t("referral.title")}</h1>
        {can(actor.role, "update", "referralDeadline") && (
          <Link href="/settings/referral-deadlines" className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t("referral.deadlines.link")}
          </Link>
        )}
      </div>
      <nav aria-label={t("referral.filter")} className="flex flex-wrap gap-2">
        <Link href={href({ overdue })} className={`${chip} ${tone(!status)}`}>
          {t("referral.allStatuses")}
        </Link>
        {REFERRAL_STATUSES.map((s) => (
          <Link key={s} href={href({ status: s, overdue })} className={`${chip} ${tone(status === s)}`}>
            {t(`referralStatus.${s}`)}
          </Link>
        ))}
        <Link href={href({ status, overdue: !overdue })} className={`${chip} ${overdue ? "bg-red-600 text-white ring-red-600" : "bg-white text-red-700 ring-red-300"}`}>
          {t("referral.overdueOnly")}
        </Link>
      </nav>
      <Card>
        <ReferralList items={items} t={t} />
      </Card>
    </div>
  );
}
