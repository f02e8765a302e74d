import "server-only";
import { shortAreaName } from "@/lib/domain/area-code";
import { assertCan } from "../access/policy";
import { db } from "../db";
import type { Actor } from "../session";

export type VillageOption = { code: string; name: string; path: string };

const SEARCH_LIMIT = 20;
const ANCESTOR_LENGTHS = [2, 4, 6, 9];

/**
 * Villages of the whole country whose name contains `q`, with their full path 省/市/县/镇/村. Not limited to
 * the actor's jurisdiction on purpose: a family may move anywhere, and area names are public (NBS) data.
 */
export async function searchVillages(actor: Actor, q: string): Promise<VillageOption[]> {
  await assertCan(actor, "list", "area");
  const query = q.trim();
  if (query === "") return [];
  const villages = await db().adminArea.findMany({
    where: { level: "VILLAGE", name: { contains: query }, validTo: null },
    select: { code: true, name: true },
    orderBy: { code: "asc" },
    take: SEARCH_LIMIT,
  });
  // A village's ancestors are its code's prefixes (the NBS scheme), so one query names every path.
  const ancestorCodes = new Set(villages.flatMap((v) => ANCESTOR_LENGTHS.map((n) => v.code.slice(0, n).padEnd(12, "0"))));
  const ancestors = await db().adminArea.findMany({ where: { code: { in: [...ancestorCodes] } }, select: { code: true, name: true } });
  const nameOf = new Map(ancestors.map((a) => [a.code, a.name]));
  return villages.map((v) => {
    const path = ANCESTOR_LENGTHS.map((n) => nameOf.get(v.code.slice(0, n).padEnd(12, "0")))
      .filter((name): name is string => !!name)
      .concat(shortAreaName(v.name));
    return { code: v.code, name: shortAreaName(v.name), path: path.join(" / ") };
  });
}

/** One village by code (the transfer's destination), or null when there is no such village. */
export async function findVillage(actor: Actor, code: string): Promise<{ code: string; name: string } | null> {
  await assertCan(actor, "read", "area");
  return db().adminArea.findFirst({ where: { code, level: "VILLAGE", validTo: null }, select: { code: true, name: true } });
}
