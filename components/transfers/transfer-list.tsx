import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { Translate } from "@/lib/i18n/translate";
import type { TransferDto } from "@/lib/server/transfers/dto";
import { TransferStatusBadge } from "./transfer-status-badge";

/** One side's transfers (incoming or outgoing), each a tap target opening the request. */
export function TransferList({ title, transfers, t, testId }: { title: string; transfers: TransferDto[]; t: Translate; testId: string }) {
  return (
    <Card title={title}>
      {transfers.length === 0 ? (
        <p className="text-sm text-slate-500">{t("transfer.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid={testId}>
          {transfers.map((transfer) => (
            <li key={transfer.id}>
              <Link href={`/transfers/${transfer.id}`} className="flex min-h-11 items-center justify-between gap-2 py-3">
                <div className="min-w-0">
                  <div className="truncate font-medium">{transfer.childName}</div>
                  <div className="text-sm break-words text-slate-600">
                    {transfer.fromAreaName} → {transfer.toAreaName}
                  </div>
                  <div className="text-xs text-slate-500">{t("transfer.requestedOn", { date: transfer.requestedOn })}</div>
                </div>
                <TransferStatusBadge status={transfer.status} t={t} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
