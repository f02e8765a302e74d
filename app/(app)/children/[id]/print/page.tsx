import Link from "next/link";
import { notFound } from "next/navigation";
import { ChildPrint } from "@/components/print/child-print";
import { PrintButton } from "@/components/print/print-button";
import { PrintHeader } from "@/components/print/print-header";
import { requireActor } from "@/lib/auth/require-actor";
import { todayInChina } from "@/lib/domain/dates";
import { isUuid } from "@/lib/domain/ids";
import { getTranslator } from "@/lib/i18n/server";
import { getChildFile } from "@/lib/server/children/file";
import { listChildVisits } from "@/lib/server/visits/queries";

// Enough history for a supervisor's spot check without turning the file into a booklet.
const VISITS_ON_PAPER = 8;

export default async function PrintChildPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(["read", "child"]);
  if (!isUuid(id)) notFound();
  // getChildFile audits the read, so every printed file leaves a trace; the visits are scoped the same way.
  // One visit more than printed tells whether older ones exist.
  const [{ t }, file, visits] = await Promise.all([getTranslator(), getChildFile(actor, id, { forPaper: true }), listChildVisits(actor, id, VISITS_ON_PAPER + 1)]);
  if (!file) notFound();
  return (
    <div className="mx-auto max-w-3xl space-y-4 bg-white p-4 print:max-w-none print:p-0">
      <div className="flex flex-wrap items-center justify-between gap-2 print:hidden">
        <Link href={`/children/${file.id}`} className="inline-flex min-h-11 items-center text-sm text-brand-700">
          ← {t("print.backToFile")}
        </Link>
        <PrintButton />
      </div>
      <PrintHeader
        title={t("print.child.title")}
        facts={[
          [t("print.village"), file.areaName],
          [t("print.printedOn"), todayInChina()],
          [t("print.printedBy"), actor.displayName],
        ]}
      />
      <ChildPrint file={file} visits={visits.slice(0, VISITS_ON_PAPER)} hasMoreVisits={visits.length > VISITS_ON_PAPER} t={t} />
      <p className="text-xs text-slate-600 print:text-black">{t("print.child.confidential")}</p>
    </div>
  );
}
