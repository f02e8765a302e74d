import Link from "next/link";
import { ENTITLEMENT_STATUSES, type BenefitTypeName, type EntitlementStatusName } from "@/lib/domain/enums";
import type { Translate } from "@/lib/i18n/translate";

type Filter = { status?: EntitlementStatusName; benefit?: BenefitTypeName; overdue: boolean; flagged: boolean };

const chip = "inline-flex min-h-11 items-center rounded-full px-3 text-sm ring-1 ring-inset";
const tone = (active: boolean) => (active ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300");

function href(next: Filter): string {
  const q = new URLSearchParams();
  if (next.status) q.set("status", next.status);
  if (next.benefit) q.set("benefit", next.benefit);
  if (next.overdue) q.set("overdue", "1");
  if (next.flagged) q.set("flagged", "1");
  return q.size ? `/entitlements?${q}` : "/entitlements";
}

/** The list's filters, kept in the URL: one status, overdue only, applied without eligibility only. */
export function StatusChips({ filter, t }: { filter: Filter; t: Translate }) {
  return (
    <nav aria-label={t("entitlement.filter")} className="flex flex-wrap gap-2" data-testid="entitlement-filter">
      <Link href={href({ ...filter, status: undefined })} className={`${chip} ${tone(!filter.status)}`} aria-current={!filter.status ? "page" : undefined}>
        {t("entitlement.allStatuses")}
      </Link>
      {ENTITLEMENT_STATUSES.map((s) => (
        <Link key={s} href={href({ ...filter, status: s })} className={`${chip} ${tone(filter.status === s)}`} aria-current={filter.status === s ? "page" : undefined}>
          {t(`entitlementStatus.${s}`)}
        </Link>
      ))}
      <Link href={href({ ...filter, overdue: !filter.overdue })} className={`${chip} ${filter.overdue ? "bg-red-600 text-white ring-red-600" : "bg-white text-red-700 ring-red-300"}`}>
        {t("entitlement.overdueOnly")}
      </Link>
      <Link href={href({ ...filter, flagged: !filter.flagged })} className={`${chip} ${filter.flagged ? "bg-amber-500 text-white ring-amber-500" : "bg-white text-amber-800 ring-amber-300"}`}>
        {t("entitlement.flaggedOnly")}
      </Link>
    </nav>
  );
}
