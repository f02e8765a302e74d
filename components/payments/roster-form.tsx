"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { recordPaymentsAction } from "@/app/(app)/payments/actions";
import { FormMessage } from "@/components/households/form-controls";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { formatFen } from "@/lib/domain/money";
import { newRequestId } from "@/lib/domain/request-id";
import { recordPaymentsSchema } from "@/lib/schemas/payment";
import type { PaymentRoster } from "@/lib/server/payments/roster";
import { RosterRowCard } from "./roster-row-card";

/**
 * The month's roster with every child ticked as paid; unticking a child asks why (an exception). The summary
 * stays in view above the phone's bottom bar. Success leaves for the saved batch (the action redirects).
 */
export function RosterForm({ roster }: { roster: PaymentRoster }) {
  const { t } = useI18n();
  const router = useRouter();
  // Unticked rows and their reasons; every other row is paid.
  const [exceptions, setExceptions] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // One id per submission: a retry after a lost response returns the saved batch instead of paying twice.
  const [requestId] = useState(() => newRequestId());

  const paidRows = roster.rows.filter((r) => !(r.entitlementId in exceptions));
  const paidFen = paidRows.reduce((sum, r) => sum + (r.amountFen ?? 0), 0);
  const exceptionCount = roster.rows.length - paidRows.length;

  function setPaid(id: string, paid: boolean) {
    setExceptions((current) => {
      const next = { ...current };
      if (paid) delete next[id];
      else next[id] = "";
      return next;
    });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const list = Object.entries(exceptions).map(([entitlementId, reason]) => ({ entitlementId, reason: reason.trim() }));
    const blank = new Set(list.filter((e) => e.reason === "").map((e) => e.entitlementId));
    setMissing(blank);
    const expected = { entitlementIds: roster.rows.map((r) => r.entitlementId), totalFen: roster.totalFen };
    const parsed = recordPaymentsSchema.safeParse({ benefit: roster.benefit, month: roster.month, requestId, exceptions: list, expected });
    if (blank.size > 0 || !parsed.success) {
      setMessage(blank.size > 0 ? "payment.roster.missingReasons" : (parsed.error?.issues[0]?.message ?? "errors.validation"));
      return;
    }
    setPending(true);
    setMessage(null);
    const result = await recordPaymentsAction(parsed.data).catch(() => null);
    setPending(false);
    if (result && !result.ok) setMessage(Object.values(result.error.fieldErrors ?? {})[0]?.[0] ?? result.error.message);
    // The roster changed under her: show the new one (the message says why).
    if (result && !result.ok && result.error.code === "CONFLICT") router.refresh();
    else if (!result) setMessage("errors.internal");
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="roster-form">
      <ul className="grid gap-2 lg:grid-cols-2">
        {roster.rows.map((row) => (
          <RosterRowCard
            key={row.entitlementId}
            row={row}
            paid={!(row.entitlementId in exceptions)}
            reason={exceptions[row.entitlementId] ?? ""}
            reasonMissing={missing.has(row.entitlementId)}
            onPaidChange={(paid) => setPaid(row.entitlementId, paid)}
            onReasonChange={(reason) => setExceptions((current) => ({ ...current, [row.entitlementId]: reason }))}
          />
        ))}
      </ul>
      <div className="sticky bottom-[calc(3.5rem+env(safe-area-inset-bottom))] z-10 space-y-2 rounded-xl border border-slate-200 bg-white/95 p-3 shadow-lg backdrop-blur md:bottom-2" data-testid="roster-summary">
        {message && <FormMessage tone="error">{t(message)}</FormMessage>}
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div>
            <div className="text-sm text-slate-600">{t("payment.roster.summary", { paid: paidRows.length, exceptions: exceptionCount })}</div>
            <div className="text-lg font-semibold tabular-nums">{t("payment.roster.total", { amount: formatFen(paidFen) })}</div>
          </div>
          <Button type="submit" disabled={pending || roster.hasMissingRate} className="w-full sm:w-auto">
            {pending ? t("payment.roster.submitting") : t("payment.roster.submit")}
          </Button>
        </div>
      </div>
    </form>
  );
}
