import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Translate } from "@/lib/i18n/translate";
import type { RecentVisit } from "@/lib/server/township/queries";

const TONE: Record<RecentVisit["riskLevel"], BadgeTone> = { RED: "red", YELLOW: "yellow", BLUE: "blue", GREEN: "green" };

export function RecentVisits({ visits, t }: { visits: RecentVisit[]; t: Translate }) {
  if (visits.length === 0) return <p className="text-sm text-slate-600">{t("townshipWork.noVisits")}</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="recent-visits">
      {visits.map((v) => (
        <li key={v.id}>
          <Link href={`/children/${v.childId}`} className="flex min-h-14 items-center justify-between gap-2 py-2 hover:bg-slate-50">
            <div className="min-w-0">
              <div className="font-medium">
                {v.childName} <span className="text-sm font-normal text-slate-500">· {v.areaName}</span>
              </div>
              <div className="text-sm text-slate-600">
                {v.visitedOn} · {v.directorName ?? t("townshipWork.unknownVisitor")}
              </div>
            </div>
            <Badge tone={TONE[v.riskLevel]}>{t(`risk.${v.riskLevel}`)}</Badge>
          </Link>
        </li>
      ))}
    </ul>
  );
}
