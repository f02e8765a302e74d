import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Translate } from "@/lib/i18n/translate";
import type { TransferStatusName } from "@/lib/server/transfers/dto";

const TONE: Record<TransferStatusName, BadgeTone> = { REQUESTED: "yellow", ACCEPTED: "green", REJECTED: "red", CANCELLED: "gray" };

export function TransferStatusBadge({ status, t }: { status: TransferStatusName; t: Translate }) {
  return <Badge tone={TONE[status]}>{t(`transfer.status.${status}`)}</Badge>;
}
