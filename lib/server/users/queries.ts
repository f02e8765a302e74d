import "server-only";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { db } from "../db";
import type { Actor } from "../session";

/** Accounts inside the administrator's jurisdiction; never the password hash (omitted globally). */
export async function listUsers(actor: Actor, filter: { take?: number } = {}) {
  assertCan(actor, "list", "user");
  return db().user.findMany({
    where: scopeWhere(actor),
    select: { id: true, loginName: true, displayName: true, role: true, areaCode: true, isActive: true, lockedUntil: true },
    orderBy: [{ role: "asc" }, { loginName: "asc" }],
    take: Math.min(filter.take ?? 200, 1000),
  });
}
