"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { inputClass } from "@/components/ui/field";
import { formatFen } from "@/lib/domain/money";
import type { PaymentRosterRow } from "@/lib/server/payments/roster";

type Props = {
  row: PaymentRosterRow;
  paid: boolean;
  reason: string;
  reasonMissing: boolean;
  onPaidChange: (paid: boolean) => void;
  onReasonChange: (reason: string) => void;
};

/** One child of the roster as a card: the whole top line is the tick box (a big target on a phone). */
export function RosterRowCard({ row, paid, reason, reasonMissing, onPaidChange, onReasonChange }: Props) {
  const { t } = useI18n();
  const reasonId = `reason-${row.entitlementId}`;
  return (
    <li className={`rounded-xl border p-3 ${paid ? "border-slate-200 bg-white" : "border-amber-300 bg-amber-50"}`} data-testid="roster-row">
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" className="size-6 shrink-0" checked={paid} onChange={(e) => onPaidChange(e.target.checked)} aria-label={`${t("payment.roster.paidLabel")}: ${row.childName}`} />
        <span className="min-w-0 flex-1">
          <span className="block truncate font-medium">
            {row.childName} <span className="text-sm font-normal text-slate-500">· {row.areaName}</span>
          </span>
          <span className="flex flex-wrap gap-1">
            {row.isFirstPayment && <Badge tone="blue">{t("payment.roster.firstPayment")}</Badge>}
            {row.wasNotPaid && <Badge tone="yellow">{t("payment.roster.wasNotPaid")}</Badge>}
          </span>
        </span>
        <span className={`shrink-0 tabular-nums ${paid ? "font-semibold" : "text-slate-400 line-through"}`}>{row.amountFen === null ? "—" : t("payment.yuan", { amount: formatFen(row.amountFen) })}</span>
      </label>
      {!paid && (
        <div className="mt-2 space-y-1">
          <label htmlFor={reasonId} className="block text-sm font-medium text-slate-700">
            {t("payment.roster.reason")}
          </label>
          <input
            id={reasonId}
            className={inputClass}
            value={reason}
            maxLength={200}
            placeholder={t("payment.roster.reasonPlaceholder")}
            onChange={(e) => onReasonChange(e.target.value)}
            aria-invalid={reasonMissing}
            autoFocus
          />
          {reasonMissing && (
            <p className="text-sm text-red-700" role="alert">
              {t("payment.errors.reason")}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
