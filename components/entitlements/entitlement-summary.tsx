import Link from "next/link";
import type { ReactNode } from "react";
import { formatFen } from "@/lib/domain/money";
import type { Translate } from "@/lib/i18n/translate";
import type { EntitlementDetail } from "@/lib/server/entitlements/detail";

function Row({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <dt className="text-slate-500">{label}</dt>
      <dd className="whitespace-pre-wrap break-words">{children}</dd>
    </div>
  );
}

/** The application at a glance: child, deciding agency, amount, months and the latest reason. Names come localised from the page. */
export function EntitlementSummary({ detail, agency, t }: { detail: EntitlementDetail; agency: string; t: Translate }) {
  const { child } = detail;
  return (
    <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2" data-testid="entitlement-summary">
      <Row label={t("entitlement.child")}>
        <Link href={`/children/${child.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t("entitlement.childLine", { name: child.name, age: child.age, village: child.areaName })}
        </Link>
      </Row>
      <Row label={t("entitlement.decidingAgency")}>{agency}</Row>
      <Row label={t("entitlement.appliedOnLabel")}>{detail.appliedOn}</Row>
      {detail.benefit.isCash && (
        <Row label={t("entitlement.monthlyAmount")}>
          <span data-testid="monthly-amount">{detail.monthlyAmountFen !== null
              ? t("entitlement.yuanPerMonth", { amount: formatFen(detail.monthlyAmountFen) })
              : t(detail.startMonth ? "entitlement.amountNotSet" : "entitlement.amountFromRate")}</span>
        </Row>
      )}
      {detail.decidedOn && <Row label={t("entitlement.decidedOn")}>{detail.decidedOn}</Row>}
      {detail.startMonth && <Row label={t("entitlement.startMonth")}>{detail.startMonth}</Row>}
      {detail.endMonth && <Row label={t("entitlement.endMonth")}>{detail.endMonth}</Row>}
      {detail.note && (
        <Row label={t("entitlement.note")} wide>
          {detail.note}
        </Row>
      )}
      {detail.statusReason && (
        <Row label={t("entitlement.statusReason")} wide>
          {detail.statusReason}
        </Row>
      )}
    </dl>
  );
}
