import type { Translate } from "@/lib/i18n/translate";
import type { ChildFile } from "@/lib/server/children/file";
import { Fields, PrintSection, SignatureLines } from "./print-section";

const VISITS_ON_PAPER = 8;

function yuan(fen: number) {
  return (fen / 100).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function Empty({ text }: { text: string }) {
  return <p className="text-sm text-slate-600 print:text-black">{text}</p>;
}

/** 一人一档 on paper: the same facts as the screen file, laid out for A4 and the signatures. */
export function ChildPrint({ file, t }: { file: ChildFile; t: Translate }) {
  const yesNo = (value: boolean) => (value ? t("print.yes") : t("print.no"));
  const { household } = file;
  return (
    <div className="space-y-4">
      <PrintSection title={t("print.child.profile")}>
        <Fields
          rows={[
            [t("print.child.name"), file.name],
            [t("print.child.sex"), t(`sex.${file.sex}`)],
            [t("print.child.dateOfBirth"), `${file.dateOfBirth}（${t("print.age", { age: file.age })}）`],
            [t("print.child.ethnicity"), file.ethnicity],
            [t("print.child.idNumber"), file.idNumberMasked ?? t("print.child.noId", { reason: file.noIdReason ?? "—" })],
            [t("print.child.hukou"), t(`hukou.${file.hukouStatus}`)],
            [t("print.child.school"), t(`school.${file.schoolStage}`)],
            [t("print.child.living"), t(`living.${file.livingArrangement}`)],
            [t("print.child.risk"), file.riskLevel ? t(`risk.${file.riskLevel}`) : "—"],
            [t("print.child.nextVisitOn"), file.nextVisitOn ?? "—"],
          ]}
        />
      </PrintSection>
      <PrintSection title={t("print.child.household")}>
        <Fields
          rows={[
            [t("print.child.address"), household.address],
            [t("print.child.father"), household.fatherWhereabouts ?? "—"],
            [t("print.child.mother"), household.motherWhereabouts ?? "—"],
            [t("print.child.dibao"), yesNo(household.hasDibao)],
            [t("print.child.tekun"), yesNo(household.hasTekun)],
            [t("print.child.lowIncome"), yesNo(household.isLowIncome)],
          ]}
        />
      </PrintSection>
      <PrintSection title={t("print.child.guardians")}>
        {household.guardians.length === 0 ? (
          <Empty text={t("print.none")} />
        ) : (
          <ul className="space-y-1 text-sm">
            {household.guardians.map((g) => (
              <li key={g.id}>
                {g.name}（{g.relationship}）· {g.canCare ? t("print.child.canCare") : t("print.child.cannotCare")}
                {g.isEntrusted &&
                  ` · ${t("print.child.entrusted")} · ${g.confirmationSignedOn ? t("print.child.confirmationSigned", { date: g.confirmationSignedOn }) : t("print.child.confirmationMissing")}`}
                {g.phone && ` · ${g.phone}`}
              </li>
            ))}
          </ul>
        )}
      </PrintSection>
      <PrintSection title={t("print.child.categories")}>
        {file.categories.length === 0 ? (
          <Empty text={t("print.none")} />
        ) : (
          <ul className="space-y-1 text-sm">
            {file.categories.map((c) => (
              <li key={`${c.category}-${c.startDate}`}>
                {t(`categories.${c.category}`)} · {c.endDate ? t("print.period", { start: c.startDate, end: c.endDate }) : t("print.since", { date: c.startDate })}
              </li>
            ))}
          </ul>
        )}
      </PrintSection>
      <PrintSection title={t("print.child.visits")}>
        {file.visits.length === 0 ? (
          <Empty text={t("print.none")} />
        ) : (
          <ol className="space-y-2 text-sm">
            {file.visits.slice(0, VISITS_ON_PAPER).map((v) => (
              <li key={v.id} className="break-inside-avoid">
                <span className="font-medium">{v.visitedOn}</span>
                {v.riskLevel && ` · ${t(`risk.${v.riskLevel}`)}`}
                {v.notes && <p className="whitespace-pre-wrap">{v.notes}</p>}
              </li>
            ))}
          </ol>
        )}
      </PrintSection>
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
