import Link from "next/link";
import { RosterForm } from "@/components/payments/roster-form";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { paymentRosterSchema } from "@/lib/schemas/payment";
import { DomainError } from "@/lib/server/errors";
import { listPaymentRoster, type PaymentRoster } from "@/lib/server/payments/roster";

type SearchParams = Promise<{ benefit?: string; month?: string }>;

export default async function NewPaymentBatchPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor(["create", "payment"]);
  const params = await searchParams;
  const { t } = await getTranslator();
  const parsed = paymentRosterSchema.safeParse({ benefit: params.benefit, month: params.month });
  let roster: PaymentRoster | null = null;
  let problem: string | null = null;
  if (!parsed.success) {
    problem = parsed.error.issues[0]?.message ?? "errors.validation";
  } else {
    try {
      roster = await listPaymentRoster(actor, parsed.data);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problem = Object.values(error.fieldErrors ?? {})[0]?.[0] ?? error.messageKey;
    }
  }
  return (
    <div className="space-y-4">
      <Link href="/payments" className="inline-flex min-h-11 items-center text-brand-700 underline">
        {t("payment.roster.back")}
      </Link>
      {roster ? (
        <>
          <div>
            <h1 className="text-xl font-semibold">{t("payment.roster.title", { benefit: t(`benefit.${roster.benefit}`), month: roster.month })}</h1>
            <p className="text-sm text-slate-600">{t("payment.roster.intro")}</p>
          </div>
          {roster.hasMissingRate && (
            <p role="alert" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
              {t("payment.roster.noRate")}{" "}
              <Link href="/settings/benefits" className="underline">
                {t("payment.roster.setRate")}
              </Link>
            </p>
          )}
          {roster.rows.length === 0 ? <p className="rounded-lg bg-slate-100 p-3 text-sm text-slate-700">{t("payment.roster.empty")}</p> : <RosterForm roster={roster} />}
        </>
      ) : (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {t(problem ?? "errors.validation")}
        </p>
      )}
    </div>
  );
}
