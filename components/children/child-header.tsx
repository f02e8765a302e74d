import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { Translate } from "@/lib/i18n/translate";
import type { ChildFile } from "@/lib/server/children/file";
import { CLOSE_REASONS } from "@/lib/schemas/child";
import { RiskBadge } from "./risk-badge";

function closedReasonText(reason: string | null, t: Translate): string {
  if (reason && (CLOSE_REASONS as readonly string[]).includes(reason)) return t(`child.closeReason.${reason}`);
  return `${t("child.closeReason.OTHER")}：${reason ?? "—"}`;
}

/** Name, risk, current categories, status; urgent reports and the closed banner above everything else. */
export function ChildHeader({ file, t }: { file: ChildFile; t: Translate }) {
  return (
    <div className="space-y-2">
      <Link href={`/households/${file.householdId}`} className="inline-flex min-h-11 items-center text-sm text-brand-700">
        ← {t("child.toHousehold")}
      </Link>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold">{file.name}</h1>
        <RiskBadge level={file.riskLevel} t={t} />
        <Badge tone={file.status === "ACTIVE" ? "green" : "gray"}>{t(`child.status.${file.status}`)}</Badge>
      </div>
      <div className="flex flex-wrap gap-1">
        {file.categories
          .filter((c) => !c.endDate)
          .map((c) => (
            <Badge key={c.id}>{t(`categories.${c.category}`)}</Badge>
          ))}
      </div>
      {/* The reports themselves (and their acknowledgement) are in the visit section further down. */}
      {file.openReports.length > 0 && (
        <p className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">{t("child.urgentReports", { count: file.openReports.length })}</p>
      )}
      {file.status === "CLOSED" && (
        <p className="rounded-lg bg-slate-100 p-3 text-sm">{t("child.closedOn", { reason: closedReasonText(file.closedReason, t), date: file.closedOn ?? "—" })}</p>
      )}
    </div>
  );
}
