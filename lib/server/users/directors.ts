import "server-only";
import { shortAreaName } from "@/lib/domain/area-code";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { db } from "../db";
import { decryptOptional } from "../field-crypto";
import type { Actor } from "../session";

export type DirectorDto = {
  id: string;
  loginName: string;
  displayName: string;
  phone: string | null;
  isActive: boolean;
  mustChangePassword: boolean;
  version: number;
};

export type VillageDirectors = { code: string; name: string; active: DirectorDto[]; inactive: DirectorDto[] };

const VILLAGE_LIMIT = 500;

export const directorSelect = {
  id: true,
  loginName: true,
  displayName: true,
  phone: true,
  isActive: true,
  mustChangePassword: true,
  version: true,
  areaCode: true,
} as const;

/** The accounts this actor may manage: directors of villages in her jurisdiction, nothing else. */
export function manageableDirectorWhere(actor: Actor) {
  return { ...scopeWhere(actor), role: "VILLAGE_DIRECTOR" as const };
}

/** Every village of the jurisdiction with its directors (a village without an active one shows "none"). */
export async function listVillageDirectors(actor: Actor): Promise<VillageDirectors[]> {
  await assertCan(actor, "list", "user");
  const prefix = scopeWhere(actor).areaCode.startsWith;
  const [villages, users] = await Promise.all([
    db().adminArea.findMany({
      where: { level: "VILLAGE", code: { startsWith: prefix }, validTo: null },
      select: { code: true, name: true },
      orderBy: { code: "asc" },
      take: VILLAGE_LIMIT,
    }),
    db().user.findMany({ where: manageableDirectorWhere(actor), select: directorSelect, orderBy: { loginName: "asc" } }),
  ]);
  return villages.map((village) => {
    // The supervisor calls her directors: the phone (encrypted at rest) is shown in full here.
    const own = users.filter((u) => u.areaCode === village.code).map(({ areaCode: _areaCode, phone, ...dto }) => ({ ...dto, phone: decryptOptional(phone) }));
    return { code: village.code, name: shortAreaName(village.name), active: own.filter((u) => u.isActive), inactive: own.filter((u) => !u.isActive) };
  });
}
