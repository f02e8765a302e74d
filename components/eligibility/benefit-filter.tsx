import Link from "next/link";
import { BENEFIT_TYPES, type BenefitTypeName } from "@/lib/domain/enums";
import type { Translate } from "@/lib/i18n/translate";

const chip = "inline-flex min-h-11 items-center gap-1 rounded-full px-3 text-sm ring-1 ring-inset";
const tone = (active: boolean) => (active ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300");

/** Chips to narrow the gap list to one benefit, with how many gaps each has; the choice lives in the URL. */
export function BenefitFilter({ current, counts, t }: { current: BenefitTypeName | undefined; counts: Partial<Record<BenefitTypeName, number>>; t: Translate }) {
  const all = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  // Catalogue order, and only benefits someone may be missing: a chip that leads to an empty list is noise.
  const shown = BENEFIT_TYPES.filter((b) => (counts[b] ?? 0) > 0 || b === current);
  return (
    <nav aria-label={t("eligibility.gaps.filter")} className="flex flex-wrap gap-2" data-testid="gap-filter">
      <Link href="/entitlements/gaps" className={`${chip} ${tone(!current)}`} aria-current={!current ? "page" : undefined}>
        {t("eligibility.gaps.allBenefits")} <span className="tabular-nums">{all}</span>
      </Link>
      {shown.map((b) => (
        <Link key={b} href={`/entitlements/gaps?benefit=${b}`} className={`${chip} ${tone(current === b)}`} aria-current={current === b ? "page" : undefined}>
          {t(`benefit.${b}`)} <span className="tabular-nums">{counts[b] ?? 0}</span>
        </Link>
      ))}
    </nav>
  );
}
