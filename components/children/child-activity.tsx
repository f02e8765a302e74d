import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { Translate } from "@/lib/i18n/translate";
import type { ChildFile } from "@/lib/server/children/file";
import { RiskBadge } from "./risk-badge";

function yuan(fen: number) {
  return (fen / 100).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function ChildActivity({ file, t }: { file: ChildFile; t: Translate }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card title={t("child.visits")} className="md:row-span-2">
        {file.visits.length === 0 ? (
          <p className="text-sm text-slate-600">{t("child.noVisits")}</p>
        ) : (
          <ol className="space-y-3 border-l-2 border-slate-200 pl-4" data-testid="visit-timeline">
            {file.visits.map((v) => (
              <li key={v.id} className="text-sm">
                <div className="flex items-center gap-2">
                  <span className="font-medium">{v.visitedOn}</span>
                  <RiskBadge level={v.riskLevel} t={t} />
                </div>
                {v.notes && <p className="mt-1 whitespace-pre-wrap text-slate-700">{v.notes}</p>}
              </li>
            ))}
          </ol>
        )}
      </Card>
      <Card title={t("child.referrals")}>
        {file.referrals.length === 0 ? (
          <p className="text-sm text-slate-600">{t("child.noReferrals")}</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {file.referrals.map((r) => (
              <li key={r.id} className="flex items-center justify-between gap-2">
                <span>
                  {t(`referralType.${r.type}`)} <span className="text-slate-500">· {r.agency}</span>
                </span>
                <Badge>{t(`referralStatus.${r.status}`)}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("child.entitlements")}>
        {file.entitlements.length === 0 ? (
          <p className="text-sm text-slate-600">{t("child.noEntitlements")}</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {file.entitlements.map((e) => (
              <li key={e.id} className="flex items-center justify-between gap-2">
                <span>
                  {t(`benefit.${e.type}`)}
                  {e.monthlyAmountFen ? <span className="text-slate-500"> · {t("child.perMonth", { amount: yuan(e.monthlyAmountFen) })}</span> : null}
                </span>
                <Badge tone={e.status === "RECEIVING" ? "green" : "gray"}>{t(`entitlementStatus.${e.status}`)}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
