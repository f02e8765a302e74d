import { inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import type { BenefitTypeName } from "@/lib/domain/enums";
import type { Translate } from "@/lib/i18n/translate";

/** Benefit and month → the roster page (a plain GET form: the roster is read, nothing is saved yet). */
export function RecordMonthForm({ benefits, month, t }: { benefits: BenefitTypeName[]; month: string; t: Translate }) {
  return (
    <form action="/payments/new" method="get" className="space-y-3" data-testid="record-month-form">
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="benefit" className="block text-sm font-medium text-slate-700">
            {t("payment.record.benefit")}
          </label>
          <select id="benefit" name="benefit" className={inputClass} defaultValue={benefits[0]} required>
            {benefits.map((b) => (
              <option key={b} value={b}>
                {t(`benefit.${b}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="month" className="block text-sm font-medium text-slate-700">
            {t("payment.record.month")}
          </label>
          <input id="month" name="month" type="month" max={month} defaultValue={month} required className={inputClass} />
          <p className="text-xs text-slate-500">{t("payment.record.monthHint")}</p>
        </div>
      </div>
      <Button type="submit" className="w-full sm:w-auto">
        {t("payment.record.next")}
      </Button>
    </form>
  );
}
