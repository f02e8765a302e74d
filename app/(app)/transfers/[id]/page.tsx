import Link from "next/link";
import { notFound } from "next/navigation";
import { CancelTransferButton } from "@/components/transfers/cancel-transfer-button";
import { DecideTransferForm } from "@/components/transfers/decide-transfer-form";
import { TransferStatusBadge } from "@/components/transfers/transfer-status-badge";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { isUuid } from "@/lib/domain/ids";
import { getTranslator } from "@/lib/i18n/server";
import { can } from "@/lib/server/access/policy";
import { NotFoundError } from "@/lib/server/errors";
import { getTransfer } from "@/lib/server/transfers/queries";

async function findTransfer(...args: Parameters<typeof getTransfer>) {
  try {
    return await getTransfer(...args);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

export default async function TransferPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(["read", "transfer"]);
  if (!isUuid(id)) notFound();
  const [{ t }, transfer] = await Promise.all([getTranslator(), findTransfer(actor, id)]);
  if (!transfer) notFound();
  const isOpen = transfer.status === "REQUESTED";
  const isReceiving = transfer.toAreaCode.startsWith(actor.scopePrefix);
  const isSending = transfer.fromAreaCode.startsWith(actor.scopePrefix);
  // The file lives on the receiving side once accepted, on the sending side otherwise.
  const seesChild = transfer.status === "ACCEPTED" ? isReceiving : isSending;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("transfer.detail")}</h1>
      <Card title={transfer.childName} action={<TransferStatusBadge status={transfer.status} t={t} />}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 text-sm">
          <dt className="text-slate-500">{t("transfer.from")}</dt>
          <dd className="break-words">{transfer.fromAreaName}</dd>
          <dt className="text-slate-500">{t("transfer.to")}</dt>
          <dd className="break-words">{transfer.toAreaName}</dd>
          <dt className="text-slate-500">{t("transfer.reason")}</dt>
          <dd className="break-words whitespace-pre-line">{transfer.reason}</dd>
          {transfer.decisionNote && (
            <>
              <dt className="text-slate-500">{t("transfer.decisionNote")}</dt>
              <dd className="break-words whitespace-pre-line">{transfer.decisionNote}</dd>
            </>
          )}
        </dl>
        <p className="mt-3 text-xs text-slate-500">
          {t("transfer.requestedOn", { date: transfer.requestedOn })}
          {transfer.decidedOn && ` · ${t("transfer.decidedOn", { date: transfer.decidedOn })}`}
        </p>
        {seesChild && (
          <Link href={`/children/${transfer.childId}`} className="mt-3 inline-flex min-h-11 items-center font-medium text-brand-700 underline">
            {transfer.childName}
          </Link>
        )}
      </Card>
      {isOpen && isReceiving && can(actor.role, "update", "transfer") && (
        <Card>
          <DecideTransferForm transferId={transfer.id} version={transfer.version} />
        </Card>
      )}
      {isOpen && isSending && can(actor.role, "close", "transfer") && <CancelTransferButton transferId={transfer.id} version={transfer.version} />}
    </div>
  );
}
