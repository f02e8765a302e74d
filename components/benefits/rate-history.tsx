import { Badge } from "@/components/ui/badge";
import { formatFen } from "@/lib/domain/money";
import type { Translate } from "@/lib/i18n/translate";
import type { CashBenefitRates } from "@/lib/server/benefits/rates";

/** The amount in force this month and where it comes from, then every dated amount for the area. */
export function RateHistory({ rates, month, t }: { rates: CashBenefitRates; month: string; t: Translate }) {
  const { current, history } = rates;
  return (
    <div className="space-y-3">
      <div className="rounded-lg bg-brand-50 p-3">
        <div className="text-xs text-slate-600">{t("payment.rates.current")}</div>
        {current ? (
          <div className="flex flex-wrap items-baseline gap-x-2">
            <span className="text-xl font-semibold tabular-nums">{t("payment.rates.perMonth", { amount: formatFen(current.amountFen) })}</span>
            <span className="text-sm text-slate-600">
              {t(`payment.rates.source.${current.source}`)} · {t("payment.rates.since", { month: current.month })}
            </span>
          </div>
        ) : (
          <div className="font-medium text-amber-900">{t("payment.rates.none")}</div>
        )}
      </div>
      {history.length > 0 && (
        <details>
          <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">{t("payment.rates.history")}</summary>
          <ul className="divide-y divide-slate-100 text-sm">
            {history.map((h) => (
              <li key={`${h.areaCode}:${h.month}`} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  {t("payment.rates.since", { month: h.month })} · {t(`payment.rates.source.${h.source}`)}
                </span>
                <span className="flex items-center gap-2 tabular-nums">
                  {h.month > month && <Badge tone="blue">{t("payment.rates.upcoming")}</Badge>}
                  {t("payment.rates.perMonth", { amount: formatFen(h.amountFen) })}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
