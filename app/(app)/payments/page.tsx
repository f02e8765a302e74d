import { BatchList } from "@/components/payments/batch-list";
import { RecordMonthForm } from "@/components/payments/record-month-form";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { currentMonth } from "@/lib/domain/months";
import { getTranslator } from "@/lib/i18n/server";
import { listBenefits } from "@/lib/server/benefits/catalogue";
import { listPaymentBatches } from "@/lib/server/payments/queries";

export default async function PaymentsPage() {
  const actor = await requireActor(["list", "payment"]);
  const [{ t }, batches, catalogue] = await Promise.all([getTranslator(), listPaymentBatches(actor), listBenefits(actor)]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("payment.title")}</h1>
        <p className="text-sm text-slate-600">{t("payment.intro")}</p>
      </div>
      <Card title={t("payment.record.title")}>
        <RecordMonthForm benefits={catalogue.filter((b) => b.isCash).map((b) => b.type)} month={currentMonth()} t={t} />
      </Card>
      <Card title={t("payment.batches.title")}>
        <BatchList batches={batches} t={t} />
      </Card>
    </div>
  );
}
