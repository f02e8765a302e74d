import "server-only";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { db } from "../db";
import type { Actor } from "../session";

/**
 * Accounts inside the actor's jurisdiction; never the password hash (omitted globally). A township
 * supervisor manages directors only, so she sees no other role's accounts.
 */
export async function listUsers(actor: Actor, filter: { take?: number } = {}) {
  await assertCan(actor, "list", "user");
  return db().user.findMany({
    where: { ...scopeWhere(actor), ...(actor.role === "TOWNSHIP_SUPERVISOR" ? { role: "VILLAGE_DIRECTOR" as const } : {}) },
    select: { id: true, loginName: true, displayName: true, role: true, areaCode: true, isActive: true, lockedUntil: true },
    orderBy: [{ role: "asc" }, { loginName: "asc" }],
    take: Math.min(filter.take ?? 200, 1000),
  });
}
