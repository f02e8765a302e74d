import { Card } from "@/components/ui/card";
import type { Translate } from "@/lib/i18n/translate";
import type { ChildFile } from "@/lib/server/children/file";

function Row({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-3 border-b border-slate-100 py-2 text-sm last:border-0">
      <dt className="shrink-0 text-slate-500">{label}</dt>
      <dd className="text-right">{value}</dd>
    </div>
  );
}

export function ChildProfile({ file, t }: { file: ChildFile; t: Translate }) {
  const yesNo = (value: boolean) => (value ? t("child.yes") : t("child.no"));
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card title={t("child.profile")}>
        <dl>
          <Row label={t("child.sex")} value={t(`sex.${file.sex}`)} />
          <Row label={t("child.dateOfBirth")} value={`${file.dateOfBirth}（${t("workbench.age", { age: file.age })}）`} />
          <Row label={t("child.ethnicity")} value={file.ethnicity} />
          <Row label={t("child.idNumber")} value={file.idNumberMasked ?? t("child.noId", { reason: file.noIdReason ?? "—" })} />
          <Row label={t("child.hukou")} value={t(`hukou.${file.hukouStatus}`)} />
          <Row label={t("child.school")} value={t(`school.${file.schoolStage}`)} />
          <Row label={t("child.living")} value={t(`living.${file.livingArrangement}`)} />
          <Row label={t("child.village")} value={file.areaName} />
          <Row label={t("child.consent")} value={file.consentBasis} />
        </dl>
      </Card>
      <Card title={t("child.household")}>
        <dl>
          <Row label={t("child.address")} value={file.household.address} />
          <Row label={t("child.father")} value={file.household.fatherWhereabouts ?? "—"} />
          <Row label={t("child.mother")} value={file.household.motherWhereabouts ?? "—"} />
          <Row label={t("child.dibao")} value={yesNo(file.household.hasDibao)} />
          <Row label={t("child.tekun")} value={yesNo(file.household.hasTekun)} />
          <Row label={t("child.lowIncome")} value={yesNo(file.household.isLowIncome)} />
        </dl>
        <ul className="mt-3 space-y-2">
          {file.household.guardians.map((g) => (
            <li key={g.id} className="rounded-lg bg-slate-50 p-3 text-sm">
              <div className="font-medium">
                {g.name}（{g.relationship}）{g.isEntrusted && <span className="text-brand-700"> · {t("child.entrusted")}</span>}
              </div>
              <div className="text-slate-600">
                {g.canCare ? t("child.canCare") : t("child.cannotCare")}
                {g.phone && ` · ${g.phone}`}
              </div>
              {g.isEntrusted && (
                <div className={g.confirmationSignedOn ? "text-slate-600" : "text-amber-800"}>
                  {g.confirmationSignedOn ? t("child.confirmationSigned", { date: g.confirmationSignedOn }) : t("child.confirmationMissing")}
                </div>
              )}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
