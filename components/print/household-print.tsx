import type { ReactNode } from "react";
import type { Translate } from "@/lib/i18n/translate";
import type { ChildFile } from "@/lib/server/children/file";
import type { ParentDto } from "@/lib/server/households/dto";
import { Empty, Fields, PrintSection } from "./print-section";

type Household = ChildFile["household"];

function parentRows(label: string, p: ParentDto, t: Translate): [string, ReactNode][] {
  return [
    [t("print.child.parentStatus", { parent: label }), t(`parentStatus.${p.status}`)],
    [t("print.child.parentWhereabouts", { parent: label }), p.whereabouts || "—"],
    [t("print.child.parentAwaySince", { parent: label }), p.awaySince ?? "—"],
    [t("print.child.parentPhone", { parent: label }), p.phone ?? "—"],
  ];
}

/** 二、家庭情况: the household answers of the registration, parents one after the other. */
export function HouseholdPrint({ household: h, t }: { household: Household; t: Translate }) {
  const yesNo = (value: boolean) => (value ? t("print.yes") : t("print.no"));
  return (
    <PrintSection title={t("print.child.household")}>
      <Fields
        rows={[
          [t("print.child.address"), h.address],
          [t("print.child.memberCount"), t("print.child.people", { count: h.memberCount })],
          [t("print.child.incomeSource"), h.incomeSource ? t(`incomeSource.${h.incomeSource}`) : "—"],
          [t("print.child.dibao"), yesNo(h.hasDibao)],
          [t("print.child.tekun"), yesNo(h.hasTekun)],
          [t("print.child.lowIncome"), yesNo(h.isLowIncome)],
          ...parentRows(t("print.child.father"), h.father, t),
          ...parentRows(t("print.child.mother"), h.mother, t),
        ]}
      />
    </PrintSection>
  );
}

/** 三、监护人: every guardian in full; the 委托监护确认书 date only means something for an entrusted one. */
export function GuardiansPrint({ guardians, t }: { guardians: Household["guardians"]; t: Translate }) {
  const yesNo = (value: boolean) => (value ? t("print.yes") : t("print.no"));
  return (
    <PrintSection title={t("print.child.guardians")}>
      {guardians.length === 0 ? (
        <Empty text={t("print.none")} />
      ) : (
        <ol className="space-y-3">
          {guardians.map((g, index) => (
            <li key={g.id} className="break-inside-avoid">
              <p className="mb-1 text-sm font-medium">
                {index + 1}. {g.name}
              </p>
              <Fields
                rows={[
                  [t("print.child.relationship"), g.relationship],
                  [t("print.child.guardianAge"), g.age !== null ? t("print.age", { age: g.age }) : "—"],
                  [t("print.child.guardianHealth"), g.health || "—"],
                  [t("print.child.abilityToCare"), g.canCare ? t("print.child.canCare") : t("print.child.cannotCare")],
                  [t("print.child.phone"), g.phone ?? "—"],
                  [t("print.child.entrusted"), yesNo(g.isEntrusted)],
                  [t("print.child.confirmation"), g.confirmationSignedOn ?? (g.isEntrusted ? t("print.child.notSigned") : "—")],
                ]}
              />
            </li>
          ))}
        </ol>
      )}
    </PrintSection>
  );
}
