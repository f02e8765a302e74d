import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { Translate } from "@/lib/i18n/translate";
import type { ChildBenefitStatus } from "@/lib/server/eligibility/child";
import { statusTone } from "./status-tone";

const LINK = "inline-flex min-h-11 shrink-0 items-center justify-center rounded-lg px-4 text-base font-medium";

/** Every benefit with the rule's verdict for this child: an open application links to itself, the rest to the form. */
export function BenefitChoices({ childId, items, t }: { childId: string; items: ChildBenefitStatus[]; t: Translate }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="benefit-choices">
      {items.map((item) => (
        <li key={item.benefit} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
          <div className="min-w-0 space-y-1">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{t(`benefit.${item.benefit}`)}</span>
              <Badge tone={item.eligible ? "green" : "gray"}>{t(item.eligible ? "entitlement.verdict.eligible" : "entitlement.verdict.notEligible")}</Badge>
            </div>
            {item.reasons.length > 0 && <p className="text-sm text-slate-600">{item.reasons.map((r) => t(`eligibility.reasons.${r.key}`, r.params)).join(t("eligibility.reasonSeparator"))}</p>}
          </div>
          {item.covered?.entitlementId ? (
            <Link href={`/entitlements/${item.covered.entitlementId}`} className={`${LINK} gap-2 ring-1 ring-inset ring-slate-300`}>
              <Badge tone={item.covered.status === "HOUSEHOLD" ? "green" : statusTone(item.covered.status)}>
                {item.covered.status === "HOUSEHOLD" ? t("entitlement.coveredByHousehold") : t(`entitlementStatus.${item.covered.status}`)}
              </Badge>
              {t("entitlement.open")}
            </Link>
          ) : item.covered ? (
            <Badge tone="green">{t("entitlement.coveredByHousehold")}</Badge>
          ) : (
            <Link
              href={`/children/${childId}/entitlements/new?benefit=${item.benefit}`}
              className={`${LINK} ${item.eligible ? "bg-brand-600 text-white hover:bg-brand-700" : "bg-white text-slate-800 ring-1 ring-inset ring-slate-300"}`}
              data-testid={`apply-${item.benefit}`}
            >
              {t("entitlement.apply.link")}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}
