import Link from "next/link";
import { notFound } from "next/navigation";
import { ExportLinks } from "@/components/payments/export-links";
import { PaymentRows } from "@/components/payments/payment-rows";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { requireActor } from "@/lib/auth/require-actor";
import { formatFen } from "@/lib/domain/money";
import { getTranslator } from "@/lib/i18n/server";
import { NotFoundError } from "@/lib/server/errors";
import { getPaymentBatch, type PaymentBatchDetail } from "@/lib/server/payments/queries";

export default async function PaymentBatchPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor(["read", "payment"]);
  const { id } = await params;
  const { t } = await getTranslator();
  let batch: PaymentBatchDetail;
  try {
    batch = await getPaymentBatch(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  return (
    <div className="space-y-4">
      <Link href="/payments" className="inline-flex min-h-11 items-center text-brand-700 underline">
        {t("payment.roster.back")}
      </Link>
      <div>
        <h1 className="text-xl font-semibold">{t("payment.batch.title", { benefit: t(`benefit.${batch.benefit}`), month: batch.month })}</h1>
        <p className="text-sm text-slate-600">
          {batch.recordedByName && `${t("payment.batch.recordedBy", { name: batch.recordedByName })} · `}
          {t("payment.batch.recordedAt", { date: batch.createdAt })}
        </p>
      </div>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        <Stat label={t("payment.batch.paidCount")} value={batch.paidCount} />
        <Stat label={t("payment.batch.exceptionCount")} value={batch.exceptionCount} tone={batch.exceptionCount > 0 ? "alert" : "default"} />
        <div className="col-span-2 sm:col-span-1">
          <Stat label={t("payment.batch.total")} value={formatFen(batch.totalFen)} />
        </div>
      </div>
      <Card title={t("payment.batch.download")}>
        <ExportLinks batchId={batch.id} t={t} />
      </Card>
      <Card title={t("payment.batch.rows")}>
        <PaymentRows rows={batch.rows} t={t} />
      </Card>
    </div>
  );
}
