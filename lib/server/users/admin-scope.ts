import "server-only";
import type { RoleName } from "@/lib/domain/roles";
import { assertCan, type Operation } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db } from "../db";
import { ForbiddenError } from "../errors";
import { scopePrefixFor, type Actor } from "../session";

/**
 * User administration is the system administrator's alone (a township supervisor manages directors
 * through lib/server/users/director-mutations.ts). A refused attempt is audited and committed.
 */
export async function assertUserAdmin(actor: Actor, operation: Operation, entityId?: string): Promise<void> {
  if (actor.role === "SYSTEM_ADMIN") return assertCan(actor, operation, "user");
  await db().$transaction((tx) => writeAudit(tx, actor, { action: operation, entity: "user", entityId: entityId ?? null, outcome: "DENIED" }));
  throw new ForbiddenError();
}

/** Accounts the administrator may see: those of her jurisdiction (she changes fewer, see canManageAccount). */
export function managedUserWhere(actor: Actor) {
  return scopeWhere(actor);
}

/** Roles whose accounts reach other accounts or the whole audit trail, so a peer must not hold them. */
const OVERSEER_ROLES: readonly RoleName[] = ["SYSTEM_ADMIN", "AUDITOR"];

export type AccountRef = { id?: string; role: RoleName; areaCode: string };

/**
 * Whether an administrator may create or change an account: a case-role account anywhere in her
 * jurisdiction; an administrator's or auditor's only at a strictly narrower level (a national admin
 * manages province admins, a province admin county ones), never a peer's or a wider one, since a password
 * reset would let her sign in as them; never her own (that goes through /account).
 */
export function canManageAccount(actor: Actor, target: AccountRef): boolean {
  if (target.id !== undefined && target.id === actor.userId) return false;
  const own = scopeWhere(actor).areaCode.startsWith;
  if (!OVERSEER_ROLES.includes(target.role)) return target.areaCode.startsWith(own);
  const reach = scopePrefixFor(target.role, target.areaCode);
  return reach !== null && reach.startsWith(own) && reach.length > own.length;
}
