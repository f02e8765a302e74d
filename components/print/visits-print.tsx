import type { Translate } from "@/lib/i18n/translate";
import type { VisitListItem } from "@/lib/server/visits/queries";
import { CELL, Empty, PrintSection } from "./print-section";

function VisitPrint({ visit: v, t }: { visit: VisitListItem; t: Translate }) {
  const list = (values: string[], prefix: string) => (values.length ? values.map((x) => t(`${prefix}.${x}`)).join("、") : t("print.none"));
  return (
    <li className="break-inside-avoid space-y-1 text-sm">
      <p className="font-medium">
        {v.visitedOn} · {t(`visitType.${v.type}`)} · {t("print.child.visitRisk")}：{t(`risk.${v.riskLevel}`)}
      </p>
      <p>
        {t("print.child.metWith")}：{list(v.metWith, "metWith")}
      </p>
      <table className="w-full border-collapse">
        <thead>
          <tr>
            <th scope="col" className={`${CELL} w-[6em] text-left font-semibold`}>{t("print.child.domain")}</th>
            <th scope="col" className={`${CELL} w-[4em] text-left font-semibold`}>{t("print.child.check")}</th>
            <th scope="col" className={`${CELL} text-left font-semibold`}>{t("print.child.checkNote")}</th>
          </tr>
        </thead>
        <tbody>
          {v.checks.map((c) => (
            <tr key={c.domain}>
              <td className={CELL}>{t(`visitDomain.${c.domain}`)}</td>
              <td className={CELL}>{c.status ? t(`check.${c.status}`) : "—"}</td>
              <td className={`${CELL} break-words whitespace-pre-wrap`}>{c.note || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {v.notes && (
        <p className="whitespace-pre-wrap">
          {t("print.child.visitNotes")}：{v.notes}
        </p>
      )}
      <p>
        {t("print.child.needs")}：{list(v.needs, "referralType")}
      </p>
      <p className="text-slate-600 print:text-black">
        {t("print.child.recordedBy")}：{v.recordedBy ?? "—"} · {t("print.child.nextVisitOn")}：{v.nextVisitOn ?? "—"}
      </p>
    </li>
  );
}

/** 五、最近走访: what each of the latest visits checked, noted and asked for; `hasMore` says older ones exist. */
export function VisitsPrint({ visits, hasMore, t }: { visits: VisitListItem[]; hasMore: boolean; t: Translate }) {
  return (
    <PrintSection title={t("print.child.visits")} long>
      {visits.length === 0 ? (
        <Empty text={t("print.none")} />
      ) : (
        <ol className="space-y-4">
          {visits.map((v) => (
            <VisitPrint key={v.id} visit={v} t={t} />
          ))}
        </ol>
      )}
      {hasMore && <p className="mt-2 text-xs text-slate-600 print:text-black">{t("print.child.olderVisits", { count: visits.length })}</p>}
    </PrintSection>
  );
}
