import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";
import type { VillageCard } from "@/lib/server/township/queries";

function Metric({ label, value, alert, href }: { label: string; value: number; alert?: boolean; href?: string }) {
  const body = (
    <>
      <span className={`block text-lg font-semibold ${alert && value > 0 ? "text-red-700" : "text-slate-900"}`}>{value}</span>
      <span className="block text-xs text-slate-600">{label}</span>
    </>
  );
  return href && value > 0 ? (
    <Link href={href} className="block min-h-11 rounded-lg p-1 underline-offset-2 hover:bg-slate-50 hover:underline">
      {body}
    </Link>
  ) : (
    <div className="p-1">{body}</div>
  );
}

/** One card per village: who works there and how the work stands. Empty villages show too (no children yet). */
export function VillageCards({ cards, t }: { cards: VillageCard[]; t: Translate }) {
  if (cards.length === 0) return <p className="text-sm text-slate-600">{t("townshipWork.noVillages")}</p>;
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="village-cards">
      {cards.map((card) => (
        <li key={card.code} className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid={`village-${card.code}`}>
          <div>
            <h3 className="font-semibold">{card.name}</h3>
            {card.directorNames.length > 0 ? (
              <p className="text-sm text-slate-700">{t("townshipWork.director", { names: card.directorNames.join("、") })}</p>
            ) : (
              <p className="text-sm font-medium text-red-700">{t("townshipWork.noDirector")}</p>
            )}
          </div>
          <div className="grid grid-cols-2 gap-1 text-center">
            <Metric label={t("townshipWork.children")} value={card.children} />
            <Metric label={t("townshipWork.overdueVisits")} value={card.overdueVisits} alert href="/children?work=overdue" />
            <Metric label={t("townshipWork.openReferrals")} value={card.openReferrals} />
            <Metric label={t("townshipWork.missingData")} value={card.missingData} alert href="/children?work=missing-data" />
          </div>
          <p className="text-xs text-slate-500">{card.lastActivity ? t("townshipWork.lastActivity", { date: card.lastActivity }) : t("townshipWork.noActivity")}</p>
        </li>
      ))}
    </ul>
  );
}
