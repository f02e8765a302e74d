import { notFound } from "next/navigation";
import { PrintButton } from "@/components/print/print-button";
import { PrintHeader } from "@/components/print/print-header";
import { SignatureLines } from "@/components/print/print-section";
import { RosterCards, RosterTable } from "@/components/print/roster-table";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { canPrintRoster, listRoster } from "@/lib/server/children/roster";

export default async function RosterPage() {
  const actor = await requireActor(["list", "child"]);
  if (!canPrintRoster(actor)) notFound();
  // Each generation of the roster is audited (listRoster), as a bulk view of children's data.
  const [{ t }, roster] = await Promise.all([getTranslator(), listRoster(actor)]);
  const showVillage = actor.scopePrefix.length < 12;
  return (
    <div className="print-roster space-y-4 bg-white p-3 sm:p-4 print:p-0">
      <div className="flex flex-wrap items-center justify-between gap-2 print:hidden">
        <p className="text-sm text-slate-600">{t("print.roster.hint")}</p>
        <PrintButton />
      </div>
      <PrintHeader
        title={t("print.roster.title", { area: roster.areaName })}
        facts={[
          [t("print.roster.date"), roster.generatedOn],
          [t("print.roster.count"), t("print.roster.people", { count: roster.rows.length })],
          [t("print.printedBy"), actor.displayName],
        ]}
      />
      {roster.truncated && <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 print:text-black">{t("print.roster.truncated", { shown: roster.rows.length, total: roster.total })}</p>}
      {roster.rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("print.roster.empty")}</p>
      ) : (
        <>
          <RosterTable rows={roster.rows} showVillage={showVillage} t={t} />
          <RosterCards rows={roster.rows} showVillage={showVillage} t={t} />
        </>
      )}
      <p className="text-xs text-slate-600 print:text-black">{t("print.roster.confidential")}</p>
      <SignatureLines labels={[t("print.roster.preparedBy"), t("print.roster.checkedBy"), t("print.sign.date")]} />
    </div>
  );
}
