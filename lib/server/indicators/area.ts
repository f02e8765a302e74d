import "server-only";
import { childLevel, codeOfPrefix, levelLength, levelOfPrefixLength, shortAreaName, type AreaLevelName } from "@/lib/domain/area-code";
import { writeAudit } from "../audit";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { Actor } from "../session";

export type DashboardArea = {
  /** The 12-digit code, or "" for the nation. */
  code: string;
  prefix: string;
  name: string | null;
  level: AreaLevelName | "NATION";
  subLevel: AreaLevelName | null;
  /** From the actor's own area down to this one (the breadcrumb). */
  trail: { code: string; name: string | null }[];
};

/**
 * The area a dashboard shows: the actor's own, or one inside it. An area outside the actor's scope (or no
 * area at all) is not found, and the attempt is audited as DENIED: a county officer cannot open another
 * county's areas.
 */
export async function resolveDashboardArea(actor: Actor, requested: string | undefined, action: "read" | "print"): Promise<DashboardArea> {
  const scope = actor.scopePrefix;
  let prefix = scope;
  if (requested && requested !== codeOfPrefix(scope)) {
    const found = await db().adminArea.findFirst({
      where: { AND: [{ code: requested, validTo: null }, { code: { startsWith: scope } }] },
      select: { level: true },
    });
    const candidate = found ? requested.slice(0, levelLength(found.level as AreaLevelName)) : null;
    if (!candidate || !candidate.startsWith(scope)) {
      await db().$transaction((tx) => writeAudit(tx, actor, { action, entity: "aggregate", entityId: null, outcome: "DENIED", details: { area: requested } }));
      throw new NotFoundError();
    }
    prefix = candidate;
  }
  const level = levelOfPrefixLength(prefix.length) ?? "NATION";
  const trailCodes = [0, 2, 4, 6, 9, 12].filter((n) => n >= scope.length && n <= prefix.length && (n > 0 || scope === "")).map((n) => codeOfPrefix(prefix.slice(0, n)));
  const names = await db().adminArea.findMany({ where: { code: { in: trailCodes.filter(Boolean) } }, select: { code: true, name: true } });
  const nameOf = new Map(names.map((a) => [a.code, shortAreaName(a.name)]));
  return {
    code: codeOfPrefix(prefix),
    prefix,
    name: nameOf.get(codeOfPrefix(prefix)) ?? null,
    level,
    subLevel: childLevel(level),
    trail: trailCodes.map((code) => ({ code, name: nameOf.get(code) ?? null })),
  };
}
