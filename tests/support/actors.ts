import type { RoleName } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { resolveActor, type Actor } from "@/lib/server/session";
import { makeUser } from "../factories/users";

/** A session row for a user, live for an hour unless the test says otherwise. */
export async function openSession(
  userId: string,
  times: { expiresAt?: Date; lastSeenAt?: Date } = {},
): Promise<string> {
  const session = await db().session.create({
    data: {
      userId,
      expiresAt: times.expiresAt ?? new Date(Date.now() + 3_600_000),
      ...(times.lastSeenAt ? { lastSeenAt: times.lastSeenAt } : {}),
    },
    select: { id: true },
  });
  return session.id;
}

/**
 * A user of `role` at `areaCode` with a live session, turned into an Actor the only way the product
 * allows (resolveActor), so tests hold exactly what a signed-in user would.
 */
export async function actorFor(role: RoleName, areaCode: string): Promise<Actor> {
  const user = await makeUser({ role, areaCode });
  const actor = await resolveActor(await openSession(user.id));
  if (!actor) throw new Error(`No actor for ${role} at "${areaCode}": the session gate refused the pair`);
  return actor;
}
