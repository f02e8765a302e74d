import { Card } from "@/components/ui/card";
import type { Translate } from "@/lib/i18n/translate";
import type { GuardianDto, ParentDto } from "@/lib/server/households/dto";

export type HouseholdView = {
  address: string;
  memberCount: number;
  incomeSource: string | null;
  hasDibao: boolean;
  hasTekun: boolean;
  isLowIncome: boolean;
  father: ParentDto;
  mother: ParentDto;
  guardians: GuardianDto[];
};

export function Row({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-3 border-b border-slate-100 py-2 text-sm last:border-0">
      <dt className="shrink-0 text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words text-right">{value}</dd>
    </div>
  );
}

function parentText(p: ParentDto, t: Translate): string {
  const parts = [t(`parentStatus.${p.status}`)];
  if (p.status === "WORKING_AWAY" && p.whereabouts) parts.push(p.whereabouts);
  if (p.awaySince) parts.push(t("household.awaySinceShort", { date: p.awaySince }));
  if (p.phone) parts.push(p.phone);
  return parts.join(" · ");
}

/** The household, parents' whereabouts and guardians; flags a missing 委托监护确认书 when a parent is away. */
export function HouseholdSummary({ household: h, t, title }: { household: HouseholdView; t: Translate; title?: string }) {
  const yesNo = (v: boolean) => (v ? t("child.yes") : t("child.no"));
  const parentAway = h.father.status === "WORKING_AWAY" || h.mother.status === "WORKING_AWAY";
  const entrusted = h.guardians.filter((g) => g.isEntrusted);
  return (
    <Card title={title ?? t("child.household")}>
      <dl>
        <Row label={t("child.address")} value={h.address} />
        <Row label={t("household.memberCount")} value={h.memberCount} />
        <Row label={t("household.incomeSource")} value={h.incomeSource ? t(`incomeSource.${h.incomeSource}`) : "—"} />
        <Row label={t("child.father")} value={parentText(h.father, t)} />
        <Row label={t("child.mother")} value={parentText(h.mother, t)} />
        <Row label={t("child.dibao")} value={yesNo(h.hasDibao)} />
        <Row label={t("child.tekun")} value={yesNo(h.hasTekun)} />
        <Row label={t("child.lowIncome")} value={yesNo(h.isLowIncome)} />
      </dl>
      {parentAway && entrusted.length === 0 && <p className="mt-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">{t("household.noEntrustedGuardian")}</p>}
      <ul className="mt-3 space-y-2">
        {h.guardians.map((g) => (
          <li key={g.id} className="rounded-lg bg-slate-50 p-3 text-sm">
            <div className="font-medium">
              {g.name}（{g.relationship}）{g.isEntrusted && <span className="text-brand-700"> · {t("child.entrusted")}</span>}
            </div>
            <div className="text-slate-600">
              {g.age !== null && `${t("household.ageShort", { age: g.age })} · `}
              {g.canCare ? t("child.canCare") : t("child.cannotCare")}
              {g.health && ` · ${g.health}`}
              {g.phone && (
                <>
                  {" · "}
                  {g.phone.includes("*") ? g.phone : <a href={`tel:${g.phone}`} className="text-brand-700 underline">{g.phone}</a>}
                </>
              )}
            </div>
            {g.isEntrusted && (
              <div className={g.confirmationSignedOn ? "text-slate-600" : parentAway ? "font-medium text-amber-800" : "text-slate-600"}>
                {g.confirmationSignedOn ? t("child.confirmationSigned", { date: g.confirmationSignedOn }) : t("child.confirmationMissing")}
              </div>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
