import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatFen } from "@/lib/domain/money";
import type { Translate } from "@/lib/i18n/translate";
import type { PaymentBatchSummary } from "@/lib/server/payments/batch-dto";

export function BatchList({ batches, t }: { batches: PaymentBatchSummary[]; t: Translate }) {
  if (batches.length === 0) return <p className="text-sm text-slate-600">{t("payment.batches.empty")}</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="payment-batches">
      {batches.map((b) => (
        <li key={b.id}>
          <Link href={`/payments/${b.id}`} className="flex min-h-14 items-center justify-between gap-2 py-2 hover:bg-slate-50">
            <div className="min-w-0">
              <div className="truncate font-medium">
                {b.month} · {t(`benefit.${b.benefit}`)}
              </div>
              <div className="flex flex-wrap gap-1 pt-0.5">
                <Badge tone="green">{t("payment.batches.paid", { count: b.paidCount })}</Badge>
                {b.exceptionCount > 0 && <Badge tone="yellow">{t("payment.batches.exceptions", { count: b.exceptionCount })}</Badge>}
              </div>
            </div>
            <div className="shrink-0 text-right font-semibold tabular-nums">{t("payment.yuan", { amount: formatFen(b.totalFen) })}</div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
