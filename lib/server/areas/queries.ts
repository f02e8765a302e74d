import "server-only";
import { codeOfPrefix, levelOfPrefixLength, shortAreaName, type AreaLevelName } from "@/lib/domain/area-code";
import { assertCan } from "../access/policy";
import { db } from "../db";
import type { Actor } from "../session";

export type AreaSummary = { code: string; name: string; level: AreaLevelName | "NATION" };

/** The actor's own jurisdiction, named. */
export async function getOwnArea(actor: Actor): Promise<AreaSummary> {
  await assertCan(actor, "read", "area");
  const level = levelOfPrefixLength(actor.scopePrefix.length) ?? "NATION";
  if (actor.scopePrefix === "") return { code: "", name: "", level: "NATION" };
  const code = codeOfPrefix(actor.scopePrefix);
  const area = await db().adminArea.findUnique({ where: { code }, select: { name: true } });
  return { code, name: area ? shortAreaName(area.name) : code, level };
}
