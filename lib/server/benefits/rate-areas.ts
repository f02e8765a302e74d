import "server-only";
import { ForbiddenError } from "../errors";
import type { Actor } from "../session";

/** Where a rate row comes from: its area code is "" (national), 2 digits (province) or 6 digits (county). */
export type RateSource = "NATIONAL" | "PROVINCE" | "COUNTY";

export function rateSource(areaCode: string): RateSource {
  return areaCode.length === 6 ? "COUNTY" : areaCode.length === 2 ? "PROVINCE" : "NATIONAL";
}

/** The rate areas that apply inside a jurisdiction prefix, most specific first (a ministry officer: national only). */
export function rateAreasWithin(prefix: string): string[] {
  return [...(prefix.length >= 6 ? [prefix.slice(0, 6)] : []), ...(prefix.length >= 2 ? [prefix.slice(0, 2)] : []), ""];
}

/**
 * The one area an officer sets amounts for: a county officer her county (6 digits), a province officer her
 * province (2 digits). Anyone else sets none; prefectures have no amounts of their own.
 */
export function ownRateArea(actor: Actor): string | null {
  if (actor.role === "COUNTY_OFFICER" && /^\d{6}$/.test(actor.scopePrefix)) return actor.scopePrefix;
  if (actor.role === "PROVINCE_OFFICER" && /^\d{2}$/.test(actor.scopePrefix)) return actor.scopePrefix;
  return null;
}

export function assertOwnRateArea(actor: Actor): string {
  const area = ownRateArea(actor);
  if (area === null) throw new ForbiddenError();
  return area;
}
