import "server-only";
import { isUuid } from "@/lib/domain/ids";
import { assertCan } from "../access/policy";
import { db } from "../db";
import type { Actor } from "../session";

/**
 * Marks some (or all) of the actor's own notifications read. No version: reading is idempotent and
 * only the owner touches the row. An id that is not hers matches nothing and changes nothing; no audit
 * row either, since nothing about a child changes. Returns how many became read.
 */
export async function markRead(actor: Actor, ids: string[] | "all"): Promise<number> {
  assertCan(actor, "update", "notification");
  const only = ids === "all" ? {} : { id: { in: ids.filter((id) => isUuid(id)) } };
  const updated = await db().notification.updateMany({
    where: { userId: actor.userId, readAt: null, ...only },
    data: { readAt: new Date() },
  });
  return updated.count;
}
