import "server-only";
import type { Db, Tx } from "../db";

/**
 * The display names of the people who made a timeline's moves, in one query. No access check: the caller
 * has already read the record the events belong to; only names leave here.
 */
export async function actorNames(tx: Pick<Tx, "user"> | Pick<Db, "user">, events: readonly { actorId: string | null }[]): Promise<(actorId: string | null) => string | null> {
  const ids = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const users = ids.length === 0 ? [] : await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } });
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  return (actorId) => (actorId ? (names.get(actorId) ?? null) : null);
}
