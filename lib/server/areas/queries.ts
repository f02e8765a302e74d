import "server-only";
import { codeOfPrefix, levelOfPrefixLength, type AreaLevelName } from "@/lib/domain/area-code";
import { assertCan } from "../access/policy";
import { db } from "../db";
import type { Actor } from "../session";

export type AreaSummary = { code: string; name: string; level: AreaLevelName | "NATION" };

/** The actor's own jurisdiction, named. */
export async function getOwnArea(actor: Actor): Promise<AreaSummary> {
  assertCan(actor, "read", "area");
  const level = levelOfPrefixLength(actor.scopePrefix.length) ?? "NATION";
  if (actor.scopePrefix === "") return { code: "", name: "", level: "NATION" };
  const code = codeOfPrefix(actor.scopePrefix);
  const area = await db().adminArea.findUnique({ where: { code }, select: { name: true } });
  return { code, name: area?.name ?? code, level };
}

/** The names of an area and its ancestors, for a breadcrumb ("浙江省 › 杭州市 › 西湖区"). */
export async function getAreaPath(actor: Actor, code: string): Promise<AreaSummary[]> {
  assertCan(actor, "read", "area");
  const prefixes = [2, 4, 6, 9, 12].map((n) => code.slice(0, n)).filter((p) => p.length > 0 && p.startsWith(actor.scopePrefix.slice(0, p.length)));
  const rows = await db().adminArea.findMany({
    where: { code: { in: prefixes.map(codeOfPrefix) } },
    select: { code: true, name: true, level: true },
    orderBy: { code: "asc" },
  });
  return rows;
}
