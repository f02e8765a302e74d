import { Badge } from "@/components/ui/badge";
import { formatFen } from "@/lib/domain/money";
import type { Translate } from "@/lib/i18n/translate";
import type { PaymentRow } from "@/lib/server/payments/queries";

/** A batch's rows: one line per child on a phone, with the reason under a child who was not paid. */
export function PaymentRows({ rows, t }: { rows: PaymentRow[]; t: Translate }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t("payment.batch.empty")}</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="payment-rows">
      {rows.map((row) => (
        <li key={row.entitlementId} className="flex min-h-14 items-center justify-between gap-2 py-2">
          <div className="min-w-0">
            <div className="truncate font-medium">
              {row.childName} <span className="text-sm font-normal text-slate-500">· {row.areaName}</span>
            </div>
            {row.reason && <div className="break-words text-sm text-amber-900">{row.reason}</div>}
          </div>
          <div className="flex shrink-0 flex-col items-end gap-1">
            <Badge tone={row.status === "PAID" ? "green" : "yellow"}>{t(`payment.status.${row.status}`)}</Badge>
            {row.status === "PAID" && <span className="text-sm tabular-nums">{t("payment.yuan", { amount: formatFen(row.amountFen) })}</span>}
          </div>
        </li>
      ))}
    </ul>
  );
}
