import "server-only";
import { assertCan, type Operation } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db } from "../db";
import { ForbiddenError } from "../errors";
import type { Actor } from "../session";

/**
 * User administration is the system administrator's alone (a township supervisor manages directors
 * through lib/server/users/director-mutations.ts). A refused attempt is audited and committed.
 */
export async function assertUserAdmin(actor: Actor, operation: Operation, entityId?: string): Promise<void> {
  if (actor.role === "SYSTEM_ADMIN") return assertCan(actor, operation, "user");
  await db().$transaction((tx) => writeAudit(tx, actor, { action: operation, entity: "user", entityId: entityId ?? null, outcome: "DENIED" }));
  throw new ForbiddenError();
}

/** Accounts inside the administrator's jurisdiction: an admin at a province manages that province only. */
export function managedUserWhere(actor: Actor) {
  return scopeWhere(actor);
}
