import type { Translate } from "@/lib/i18n/translate";
import type { BenefitOverview } from "@/lib/server/entitlements/work";
import { BenefitWorkCard, type BenefitWorkRow } from "./benefit-work-card";

type Props = { overview: BenefitOverview; t: Translate };

function gapsRow({ gaps }: BenefitOverview, t: Translate): BenefitWorkRow {
  return { key: "gaps", label: t("workbench.benefits.gaps", { count: gaps.children }), detail: t("workbench.benefits.gapsDetail"), count: gaps.children, href: "/entitlements/gaps" };
}

function overdueRow({ work }: BenefitOverview, t: Translate): BenefitWorkRow {
  return { key: "overdue", label: t("workbench.benefits.overdue"), detail: t("workbench.benefits.overdueDetail"), count: work.overdue, href: "/entitlements?overdue=1", alert: true };
}

function reviewRow({ reviews }: BenefitOverview, t: Translate): BenefitWorkRow {
  return { key: "review", label: t("workbench.benefits.review"), detail: t("workbench.benefits.reviewDetail"), count: reviews, href: "/entitlements/review" };
}

/** Director: children who may be missing a benefit, applications sent back to her, late ones, benefits to review. */
export function DirectorBenefitCard({ overview, t }: Props) {
  const returned: BenefitWorkRow = {
    key: "returned",
    label: t("workbench.benefits.returned"),
    detail: t("workbench.benefits.returnedDetail"),
    count: overview.work.returned,
    href: "/entitlements?status=RETURNED",
    alert: true,
  };
  return <BenefitWorkCard title={t("workbench.benefits.title")} rows={[gapsRow(overview, t), returned, overdueRow(overview, t), reviewRow(overview, t)]} testId="benefit-work" />;
}

/** Township supervisor: gaps in her villages, applications waiting for her check (查验), overdue ones. */
export function TownshipBenefitCard({ overview, t }: Props) {
  const toCheck: BenefitWorkRow = {
    key: "to-check",
    label: t("workbench.benefits.toCheck"),
    detail: t("workbench.benefits.toCheckDetail"),
    count: overview.work.toCheck,
    href: "/entitlements?status=APPLIED",
  };
  return <BenefitWorkCard title={t("workbench.benefits.title")} rows={[gapsRow(overview, t), toCheck, overdueRow(overview, t)]} testId="benefit-work" />;
}

/** County: the "eligible but not covered" indicator, applications to confirm (确认), overdue ones, review tasks. */
export function CountyBenefitCard({ overview, t }: Props) {
  const uncovered: BenefitWorkRow = {
    key: "uncovered",
    label: t("workbench.benefits.uncovered"),
    detail: t("workbench.benefits.uncoveredDetail", { children: overview.gaps.children, gaps: overview.gaps.gaps }),
    count: overview.gaps.children,
    href: "/entitlements/gaps",
  };
  const toConfirm: BenefitWorkRow = {
    key: "to-confirm",
    label: t("workbench.benefits.toConfirm"),
    detail: t("workbench.benefits.toConfirmDetail"),
    count: overview.work.toConfirm,
    href: "/entitlements?status=CHECKED",
  };
  return <BenefitWorkCard title={t("workbench.benefits.title")} rows={[uncovered, toConfirm, overdueRow(overview, t), reviewRow(overview, t)]} testId="benefit-work" />;
}
