import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { Translate } from "@/lib/i18n/translate";
import { childSearchQuery, type WorkFilter } from "@/lib/schemas/child-search";
import type { WorkChild } from "@/lib/server/children/dto";
import type { TodaysWork } from "@/lib/server/workbench/queries";
import { RiskBadge } from "../children/risk-badge";
import { WorkSection, type WorkRow } from "./work-section";

type SectionKey = keyof TodaysWork;
// Where each list's "see all" leads: the children list with the same filter, or the referral list.
const FILTER: Record<Exclude<SectionKey, "overdueReferrals">, WorkFilter> = {
  overdue: "overdue",
  dueThisWeek: "due-week",
  noIdNumber: "no-id",
  turning: "turning",
  missingData: "missing-data",
  returnedReferrals: "returned-referral",
};
const SEE_ALL: Record<SectionKey, string> = {
  ...(Object.fromEntries(Object.entries(FILTER).map(([key, work]) => [key, `/children${childSearchQuery({ work })}`])) as Record<keyof typeof FILTER, string>),
  overdueReferrals: "/referrals?overdue=1",
};
const HINTED: SectionKey[] = ["overdue", "noIdNumber", "turning", "returnedReferrals", "overdueReferrals"];

function childRow(child: WorkChild, t: Translate, detail: ReactNode, badge?: ReactNode, key = child.id): WorkRow {
  return {
    key,
    href: `/children/${child.id}`,
    title: (
      <>
        {child.name} <span className="text-sm font-normal text-slate-500">· {t(`sex.${child.sex}`)} · {t("workbench.age", { age: child.age })} · {child.areaName}</span>
      </>
    ),
    detail,
    badge: badge ?? <RiskBadge level={child.riskLevel} t={t} />,
  };
}

function rowsOf(work: TodaysWork, key: SectionKey, t: Translate): WorkRow[] {
  switch (key) {
    case "overdue":
      return work.overdue.items.map((c) => childRow(c, t, t("workbench.nextVisit", { date: c.nextVisitOn }), <Badge tone="red">{t("workbench.overdueDays", { days: c.overdueDays })}</Badge>));
    case "dueThisWeek":
      return work.dueThisWeek.items.map((c) => childRow(c, t, c.inDays === 0 ? t("workbench.dueToday") : t("workbench.dueInDays", { days: c.inDays, date: c.nextVisitOn })));
    case "noIdNumber":
      return work.noIdNumber.items.map((c) => childRow(c, t, t("categories.UNREGISTERED")));
    case "turning":
      return work.turning.items.map((c) =>
        childRow(c, t, `${t("workbench.turnsOn", { date: c.turning.on, age: c.turning.age })} · ${t(`workbench.turnsEffect.${c.turning.age}`)}`),
      );
    case "missingData":
      return work.missingData.items.map((c) => childRow(c, t, t("workbench.missingList", { items: c.missing.map((m) => t(`workbench.missing.${m}`)).join("、") })));
    case "returnedReferrals":
      return work.returnedReferrals.items.map((r) =>
        childRow(r.child, t, `${t("workbench.returnedReferral", { type: t(`referralType.${r.type}`) })}${r.returnedOn ? ` · ${t("workbench.returnedOn", { date: r.returnedOn })}` : ""}`, undefined, r.referralId),
      );
    case "overdueReferrals":
      return work.overdueReferrals.items.map((r) => ({
        ...childRow(r.child, t, t("workbench.overdueReferral", { type: t(`referralType.${r.type}`), date: r.dueOn }), <Badge tone="red">{t("workbench.overdueDays", { days: r.overdueDays })}</Badge>, r.referralId),
        href: `/referrals/${r.referralId}`,
      }));
  }
}

/** The six lists of the director's day, busiest first; empty lists are left out. */
export function TodaysWorkView({ work, t }: { work: TodaysWork; t: Translate }) {
  const keys = (Object.keys(SEE_ALL) as SectionKey[]).filter((key) => work[key].count > 0);
  if (keys.length === 0) return <p className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-600">{t("workbench.allDone")}</p>;
  return (
    <div className="space-y-3">
      {keys.map((key) => (
        <WorkSection
          key={key}
          testId={`work-${key}`}
          title={t(`workbench.sections.${key}`)}
          count={work[key].count}
          hint={HINTED.includes(key) ? t(`workbench.hints.${key}`) : undefined}
          rows={rowsOf(work, key, t)}
          seeAllHref={SEE_ALL[key]}
          t={t}
        />
      ))}
    </div>
  );
}
