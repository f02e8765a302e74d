import { TransferList } from "@/components/transfers/transfer-list";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { listTransfers } from "@/lib/server/transfers/queries";

export default async function TransfersPage() {
  const actor = await requireActor(["list", "transfer"]);
  const [{ t }, lists] = await Promise.all([getTranslator(), listTransfers(actor)]);
  // The receiving supervisor's work comes first; a director mostly sends.
  const incomingFirst = actor.role !== "VILLAGE_DIRECTOR";
  const incoming = <TransferList key="in" title={t("transfer.incoming")} transfers={lists.incoming} t={t} testId="transfers-incoming" />;
  const outgoing = <TransferList key="out" title={t("transfer.outgoing")} transfers={lists.outgoing} t={t} testId="transfers-outgoing" />;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("transfer.title")}</h1>
      {incomingFirst ? [incoming, outgoing] : [outgoing, incoming]}
    </div>
  );
}
