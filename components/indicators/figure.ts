import type { Translate } from "@/lib/i18n/translate";
import type { Figure } from "@/lib/server/indicators/stats";

/** A figure as text: "<5" when suppressed, "—" when there is nothing to show, "83%" for a percent. */
export function showFigure(value: Figure, t: Translate, unit: "" | "%" = ""): string {
  if (value === "suppressed") return t("indicators.suppressed");
  if (value === null) return t("indicators.none");
  return `${value.toLocaleString("zh-CN")}${unit}`;
}
