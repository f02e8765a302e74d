import "server-only";
import { countyCodeOf, DEFAULT_VISIT_INTERVALS, type VisitIntervals } from "@/lib/domain/visit-policy";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { db, type Tx } from "../db";
import { NotFoundError } from "../errors";
import type { Actor } from "../session";

export type VisitPolicy = {
  countyCode: string;
  intervals: VisitIntervals;
  /** 0 while the county uses the defaults; all four rows share one version, as they change together. */
  version: number;
  isDefault: boolean;
};

/** The county's own rows over the defaults. The caller has already proven the county is in scope. */
export async function readVisitPolicy(client: Tx | ReturnType<typeof db>, countyCode: string): Promise<VisitPolicy> {
  const rows = await client.visitPolicy.findMany({
    where: { countyCode },
    select: { riskLevel: true, intervalDays: true, version: true },
  });
  const intervals = { ...DEFAULT_VISIT_INTERVALS };
  for (const row of rows) intervals[row.riskLevel] = row.intervalDays;
  return {
    countyCode,
    intervals,
    version: rows.reduce((max, row) => Math.max(max, row.version), 0),
    isDefault: rows.length === 0,
  };
}

/**
 * A county's policy is visible to the people inside it (director, supervisor, county officer); another
 * county's is simply not found.
 */
export function assertCountyInScope(actor: Actor, countyCode: string): void {
  const prefix = scopeWhere(actor).areaCode.startsWith;
  const inScope = /^\d{6}$/.test(countyCode) && (countyCode.startsWith(prefix) || prefix.startsWith(countyCode));
  if (!inScope) throw new NotFoundError();
}

/** The visit intervals that apply to a place (a child's village code, or the officer's own county). */
export async function getVisitPolicy(actor: Actor, areaCode: string): Promise<VisitPolicy> {
  await assertCan(actor, "read", "visitPolicy");
  const countyCode = countyCodeOf(areaCode);
  assertCountyInScope(actor, countyCode);
  return readVisitPolicy(db(), countyCode);
}
