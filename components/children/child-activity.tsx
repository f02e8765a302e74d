import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { getActor } from "@/lib/auth/get-actor";
import { todayInChina } from "@/lib/domain/dates";
import { formatFen } from "@/lib/domain/money";
import { isOpenStatus } from "@/lib/domain/referral-workflow";
import type { Translate } from "@/lib/i18n/translate";
import type { ChildFile } from "@/lib/server/children/file";

/** Referrals and entitlements of the file (visits live in the visit section). */
export async function ChildActivity({ file, t }: { file: ChildFile; t: Translate }) {
  // Mirrors the policy (referral and entitlement create: village director only); the page and the data layer check again.
  const canCreate = file.status === "ACTIVE" && (await getActor())?.role === "VILLAGE_DIRECTOR";
  const today = todayInChina();
  return (
    <>
      <Card
        title={t("child.referrals")}
        action={
          canCreate && (
            <Link href={`/referrals/new?child=${file.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline" data-testid="new-referral">
              {t("referral.new")}
            </Link>
          )
        }
      >
        {file.referrals.length === 0 ? (
          <p className="text-sm text-slate-600">{t("child.noReferrals")}</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {file.referrals.map((r) => (
              <li key={r.id}>
                <Link href={`/referrals/${r.id}`} className="flex min-h-11 flex-wrap items-center justify-between gap-2 hover:bg-slate-50">
                  <span>
                    {t(`referralType.${r.type}`)} <span className="text-slate-500">· {r.agency}</span>
                  </span>
                  <span className="flex items-center gap-1">
                    {r.dueOn && r.dueOn < today && isOpenStatus(r.status) && <Badge tone="red">{t("referral.overdue")}</Badge>}
                    <Badge>{t(`referralStatus.${r.status}`)}</Badge>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card
        title={t("child.entitlements")}
        action={
          canCreate && (
            <Link href={`/children/${file.id}/entitlements/new`} className="inline-flex min-h-11 items-center text-brand-700 underline" data-testid="new-entitlement">
              {t("entitlement.applyForChild")}
            </Link>
          )
        }
      >
        {file.entitlements.length === 0 ? (
          <p className="text-sm text-slate-600">{t("child.noEntitlements")}</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {file.entitlements.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center justify-between gap-2">
                <Link href={`/entitlements/${e.id}`} className="flex min-h-11 flex-1 flex-wrap items-center justify-between gap-2 hover:bg-slate-50">
                  <span>
                    {t(`benefit.${e.type}`)}
                    {e.monthlyAmountFen ? <span className="text-slate-500"> · {t("child.perMonth", { amount: formatFen(e.monthlyAmountFen) })}</span> : null}
                  </span>
                  <span className="flex items-center gap-1">
                    {!e.eligibleOnApply && <Badge tone="yellow">{t("entitlement.flagged")}</Badge>}
                    <Badge tone={e.status === "RECEIVING" ? "green" : "gray"}>{t(`entitlementStatus.${e.status}`)}</Badge>
                  </span>
                </Link>
                <Link href={`/guide/benefits/${e.type}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                  {t("child.policyGuide")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
