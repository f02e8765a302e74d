import { notFound } from "next/navigation";
import { TransferForm } from "@/components/transfers/transfer-form";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { isUuid } from "@/lib/domain/ids";
import { getTranslator } from "@/lib/i18n/server";
import { getChildFile } from "@/lib/server/children/file";

export default async function NewTransferPage({ searchParams }: { searchParams: Promise<{ child?: string }> }) {
  const actor = await requireActor(["create", "transfer"]);
  const { child } = await searchParams;
  if (!isUuid(child)) notFound();
  const [{ t }, file] = await Promise.all([getTranslator(), getChildFile(actor, child)]);
  if (!file || file.status !== "ACTIVE") notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("transfer.newTitle")}</h1>
      <p className="text-sm text-slate-600">{t("transfer.newIntro")}</p>
      <Card>
        <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-500">{t("transfer.child")}</dt>
          <dd className="font-medium">{file.name}</dd>
          <dt className="text-slate-500">{t("transfer.from")}</dt>
          <dd>{file.areaName}</dd>
        </dl>
        <TransferForm childId={file.id} />
      </Card>
    </div>
  );
}
