import Link from "next/link";
import { notFound } from "next/navigation";
import { ReferralEditForm } from "@/components/referrals/referral-edit-form";
import { ReferralTimeline } from "@/components/referrals/referral-timeline";
import { TransitionPanel } from "@/components/referrals/transition-panel";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { isUuid } from "@/lib/domain/ids";
import { getTranslator } from "@/lib/i18n/server";
import { getReferral } from "@/lib/server/referrals/detail";

export default async function ReferralPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(["read", "referral"]);
  if (!isUuid(id)) notFound();
  const [{ t }, referral] = await Promise.all([getTranslator(), getReferral(actor, id)]);
  if (!referral) notFound();
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">{t(`referralType.${referral.type}`)}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={referral.status === "APPROVED" || referral.status === "RESOLVED" ? "green" : referral.status === "REJECTED" ? "red" : "blue"}>
            <span data-testid="referral-status">{t(`referralStatus.${referral.status}`)}</span>
          </Badge>
          {referral.isOverdue && <Badge tone="red">{t("referral.overdue")}</Badge>}
          {referral.dueOn && <span className="text-sm text-slate-600">{t("referral.dueOn", { date: referral.dueOn })}</span>}
        </div>
      </div>
      <Card>
        <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">{t("referral.child")}</dt>
            <dd>
              <Link href={`/children/${referral.childId}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                {referral.childName} · {referral.areaName}
              </Link>
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("referral.agency")}</dt>
            <dd>{referral.agency}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-slate-500">{t("referral.reason")}</dt>
            <dd className="whitespace-pre-wrap break-words">{referral.reason}</dd>
          </div>
          {referral.referredOn && (
            <div>
              <dt className="text-slate-500">{t("referral.referredOn")}</dt>
              <dd>{referral.referredOn}</dd>
            </div>
          )}
          {referral.outcome && (
            <div className="sm:col-span-2">
              <dt className="text-slate-500">{t("referral.outcome")}</dt>
              <dd className="whitespace-pre-wrap break-words">{referral.outcome}</dd>
            </div>
          )}
        </dl>
      </Card>
      {referral.moves.length > 0 && (
        <Card title={t("referral.nextStep")}>
          <TransitionPanel referralId={referral.id} version={referral.version} moves={referral.moves} />
        </Card>
      )}
      {referral.isEditable && (
        <Card title={t("referral.edit")}>
          <ReferralEditForm referral={{ id: referral.id, version: referral.version, type: referral.type, agency: referral.agency, reason: referral.reason }} />
        </Card>
      )}
      <Card title={t("referral.timeline")}>
        <ReferralTimeline entries={referral.timeline} t={t} />
      </Card>
    </div>
  );
}
