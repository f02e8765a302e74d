import type { Translate } from "@/lib/i18n/translate";
import type { ChildFile } from "@/lib/server/children/file";
import type { VisitListItem } from "@/lib/server/visits/queries";
import { ChildBasicsPrint } from "./child-basics-print";
import { GuardiansPrint, HouseholdPrint } from "./household-print";
import { CELL, Empty, PrintSection, SignatureLines } from "./print-section";
import { VisitsPrint } from "./visits-print";

function yuan(fen: number) {
  return (fen / 100).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function CategoriesPrint({ categories, t }: { categories: ChildFile["categories"]; t: Translate }) {
  if (categories.length === 0) return <Empty text={t("print.none")} />;
  return (
    <table className="w-full border-collapse text-sm">
      <thead>
        <tr>
          {["print.child.category", "print.child.startDate", "print.child.endDate"].map((key) => (
            <th key={key} scope="col" className={`${CELL} text-left font-semibold`}>
              {t(key)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {categories.map((c) => (
          <tr key={c.id}>
            <td className={CELL}>{t(`categories.${c.category}`)}</td>
            <td className={`${CELL} tabular-nums`}>{c.startDate}</td>
            <td className={`${CELL} tabular-nums`}>{c.endDate ?? t("print.child.ongoing")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 一人一档 on paper: every registration answer and the latest visits, laid out for A4, then the signatures. */
export function ChildPrint({ file, visits, hasMoreVisits, t }: { file: ChildFile; visits: VisitListItem[]; hasMoreVisits: boolean; t: Translate }) {
  return (
    <div className="space-y-4">
      <ChildBasicsPrint file={file} t={t} />
      <HouseholdPrint household={file.household} t={t} />
      <GuardiansPrint guardians={file.household.guardians} t={t} />
      <PrintSection title={t("print.child.categories")}>
        <CategoriesPrint categories={file.categories} t={t} />
      </PrintSection>
      <VisitsPrint visits={visits} hasMore={hasMoreVisits} t={t} />
      <PrintSection title={t("print.child.referrals")}>
        {file.referrals.length === 0 ? (
          <Empty text={t("print.none")} />
        ) : (
          <ul className="space-y-1 text-sm">
            {file.referrals.map((r) => (
              <li key={r.id}>
                {t(`referralType.${r.type}`)} · {r.agency} · {t(`referralStatus.${r.status}`)}
                {r.dueOn && ` · ${t("print.child.dueOn", { date: r.dueOn })}`}
              </li>
            ))}
          </ul>
        )}
      </PrintSection>
      <PrintSection title={t("print.child.entitlements")}>
        {file.entitlements.length === 0 ? (
          <Empty text={t("print.none")} />
        ) : (
          <ul className="space-y-1 text-sm">
            {file.entitlements.map((e) => (
              <li key={e.id}>
                {t(`benefit.${e.type}`)} · {t(`entitlementStatus.${e.status}`)}
                {e.monthlyAmountFen ? ` · ${t("print.perMonth", { amount: yuan(e.monthlyAmountFen) })}` : ""}
              </li>
            ))}
          </ul>
        )}
      </PrintSection>
      <SignatureLines labels={[t("print.sign.director"), t("print.sign.guardian"), t("print.sign.date")]} />
    </div>
  );
}
