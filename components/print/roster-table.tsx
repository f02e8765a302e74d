import type { Translate } from "@/lib/i18n/translate";
import type { RosterRow } from "@/lib/server/children/roster";

const CELL = "border border-slate-300 px-1.5 py-1 align-top print:border-black";

function categories(row: RosterRow, t: Translate) {
  return row.categories.length ? row.categories.map((c) => t(`categories.${c}`)).join("、") : "—";
}

function guardian(row: RosterRow) {
  return row.guardian ? `${row.guardian.name}（${row.guardian.relationship}）` : "—";
}

/** The A4-landscape table; on a phone the cards below stand in for it. */
export function RosterTable({ rows, showVillage, t }: { rows: RosterRow[]; showVillage: boolean; t: Translate }) {
  const headers = [
    "print.roster.no",
    "print.roster.name",
    ...(showVillage ? ["print.roster.village"] : []),
    "print.roster.sex",
    "print.roster.dateOfBirth",
    "print.roster.age",
    "print.roster.categories",
    "print.roster.guardian",
    "print.roster.phone",
    "print.roster.risk",
    "print.roster.nextVisit",
  ];
  return (
    <table className="hidden w-full border-collapse text-sm sm:table print:table print:text-xs" data-testid="roster-table">
      <thead className="bg-slate-100 print:bg-white">
        <tr>
          {headers.map((key) => (
            <th key={key} scope="col" className={`${CELL} text-left font-semibold`}>
              {t(key)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={row.id} className="break-inside-avoid">
            <td className={`${CELL} tabular-nums`}>{index + 1}</td>
            <td className={CELL}>{row.name}</td>
            {showVillage && <td className={CELL}>{row.areaName}</td>}
            <td className={CELL}>{t(`sex.${row.sex}`)}</td>
            <td className={`${CELL} tabular-nums`}>{row.dateOfBirth}</td>
            <td className={`${CELL} tabular-nums`}>{row.age}</td>
            <td className={CELL}>{categories(row, t)}</td>
            <td className={CELL}>{guardian(row)}</td>
            <td className={`${CELL} tabular-nums`}>{row.guardian?.phone ?? "—"}</td>
            <td className={CELL}>{row.riskLevel ? t(`risk.${row.riskLevel}`) : "—"}</td>
            <td className={`${CELL} tabular-nums`}>{row.nextVisitOn ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RosterCards({ rows, showVillage, t }: { rows: RosterRow[]; showVillage: boolean; t: Translate }) {
  return (
    <ol className="space-y-2 sm:hidden print:hidden" data-testid="roster-cards">
      {rows.map((row, index) => (
        <li key={row.id} className="rounded-xl border border-slate-200 bg-white p-3 text-sm">
          <div className="font-medium">
            {index + 1}. {row.name}
            <span className="font-normal text-slate-600">
              {" "}
              · {t(`sex.${row.sex}`)} · {t("print.age", { age: row.age })}
              {showVillage && ` · ${row.areaName}`}
            </span>
          </div>
          <div className="text-slate-600">
            {t("print.roster.dateOfBirth")}：{row.dateOfBirth}
          </div>
          <div>{categories(row, t)}</div>
          <div className="text-slate-600">
            {t("print.roster.guardian")}：{guardian(row)}
            {row.guardian?.phone && ` · ${row.guardian.phone}`}
          </div>
          <div className="text-slate-600">
            {t("print.roster.risk")}：{row.riskLevel ? t(`risk.${row.riskLevel}`) : "—"} · {t("print.roster.nextVisit")}：{row.nextVisitOn ?? "—"}
          </div>
        </li>
      ))}
    </ol>
  );
}
