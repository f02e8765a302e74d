import "server-only";
import { isUuid } from "@/lib/domain/ids";
import { assertCan } from "../access/policy";
import { writeAudit } from "../audit";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { Actor } from "../session";

/**
 * Marks some (or all) of the actor's own notifications read. No version: reading is idempotent and
 * only the owner touches the row. An id that is not hers matches nothing and changes nothing.
 * Returns how many became read.
 */
export async function markRead(actor: Actor, ids: string[] | "all"): Promise<number> {
  await assertCan(actor, "update", "notification");
  const only = ids === "all" ? {} : { id: { in: ids.filter((id) => isUuid(id)) } };
  const result = await db().$transaction(async (tx) => {
    if (ids !== "all") {
      // Someone else's (or an unknown) id: refused like any record outside one's reach, and audited.
      const own = await tx.notification.count({ where: { userId: actor.userId, ...only } });
      if (own !== new Set(ids).size || ids.some((id) => !isUuid(id))) {
        await writeAudit(tx, actor, { action: "update", entity: "notification", outcome: "DENIED", details: { ids: ids.slice(0, 20).map((id) => id.slice(0, 64)) } });
        return null;
      }
    }
    const updated = await tx.notification.updateMany({
      where: { userId: actor.userId, readAt: null, ...only },
      data: { readAt: new Date() },
    });
    await writeAudit(tx, actor, { action: "update", entity: "notification", details: { read: updated.count, all: ids === "all" } });
    return updated.count;
  });
  if (result === null) throw new NotFoundError();
  return result;
}
