import { Card } from "@/components/ui/card";
import type { Translate } from "@/lib/i18n/translate";
import type { TrendPoint } from "@/lib/server/indicators/queries";
import type { TrendKey } from "@/lib/schemas/indicators";
import { showFigure } from "./figure";

const WIDTH = 480;
const HEIGHT = 160;
const BASE = 140;

/**
 * Bars drawn as plain SVG attributes (the CSP forbids inline style attributes, which chart libraries emit).
 * Each bar has a <title>; the same numbers follow as a table for screen readers and for suppressed months.
 */
export function TrendChart({ indicator, points, t }: { indicator: TrendKey; points: TrendPoint[]; t: Translate }) {
  const label = t(`indicators.columns.${indicator}`);
  const unit = indicator === "visitCoverage" ? "%" : "";
  const numbers = points.map((p) => (typeof p.value === "number" ? p.value : 0));
  const max = Math.max(1, ...numbers);
  const step = WIDTH / points.length;
  return (
    <Card title={t("indicators.trend.title", { months: points.length })}>
      <figure className="space-y-2" data-testid="trend-chart">
        <figcaption className="text-sm text-slate-600">{label}</figcaption>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t("indicators.trend.tableCaption", { indicator: label })} className="h-40 w-full">
          <line x1={0} y1={BASE} x2={WIDTH} y2={BASE} className="stroke-slate-300" strokeWidth={1} />
          {points.map((p, i) => {
            const height = typeof p.value === "number" ? (p.value / max) * (BASE - 10) : 0;
            return (
              <g key={p.month}>
                <rect x={i * step + 2} y={BASE - height} width={Math.max(1, step - 4)} height={height} className="fill-sky-600">
                  <title>{`${p.month}: ${showFigure(p.value, t, unit)}`}</title>
                </rect>
                {i % 6 === 0 && (
                  <text x={i * step + 2} y={HEIGHT - 4} fontSize={11} className="fill-slate-500">
                    {p.month}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
        <details>
          <summary className="min-h-11 cursor-pointer py-2 text-sm text-brand-700">{t("indicators.trend.tableCaption", { indicator: label })}</summary>
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-xs text-slate-500">
                <th className="py-1 font-medium">{t("indicators.trend.month")}</th>
                <th className="py-1 text-right font-medium">{t("indicators.trend.value")}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.month} className="border-t border-slate-100">
                  <td className="py-1">{p.month}</td>
                  <td className="py-1 text-right tabular-nums">{showFigure(p.value, t, unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figure>
    </Card>
  );
}
