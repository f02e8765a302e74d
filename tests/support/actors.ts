import { SECOND_FACTOR_ROLES, type RoleName } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { encryptField } from "@/lib/server/field-crypto";
import { resolveActor, type Actor } from "@/lib/server/session";
import { makeUser } from "../factories/users";

/** The TOTP secret test users of SECOND_FACTOR_ROLES get (base32; tests compute codes from it). */
export const TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/**
 * A session row for a user, live for an hour unless the test says otherwise. A user with a second factor
 * gets a session that has passed it, unless `secondFactor: false` (a login still at its second step).
 */
export async function openSession(
  userId: string,
  times: { expiresAt?: Date; lastSeenAt?: Date; secondFactor?: boolean } = {},
): Promise<string> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true } });
  const passed = times.secondFactor ?? user.totpEnabledAt !== null;
  const session = await db().session.create({
    data: {
      userId,
      expiresAt: times.expiresAt ?? new Date(Date.now() + 3_600_000),
      secondFactorAt: passed ? new Date() : null,
      ...(times.lastSeenAt ? { lastSeenAt: times.lastSeenAt } : {}),
    },
    select: { id: true },
  });
  return session.id;
}

/** Turns TOTP on for a user, as a finished enrolment would (without recovery codes). */
export async function enableTestTotp(userId: string): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { totpSecret: encryptField(TEST_TOTP_SECRET), totpEnabledAt: new Date() } });
}

/**
 * A user of `role` at `areaCode` with a live session, turned into an Actor the only way the product
 * allows (resolveActor), so tests hold exactly what a signed-in user would. Roles that must have a second
 * factor get one, and a session that has passed it.
 */
export async function actorFor(role: RoleName, areaCode: string): Promise<Actor> {
  const user = await makeUser({ role, areaCode });
  if (SECOND_FACTOR_ROLES.includes(role)) await enableTestTotp(user.id);
  const actor = await resolveActor(await openSession(user.id));
  if (!actor) throw new Error(`No actor for ${role} at "${areaCode}": the session gate refused the pair`);
  return actor;
}
