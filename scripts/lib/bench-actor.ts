import crypto from "node:crypto";
import { SECOND_FACTOR_ROLES, type RoleName } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { encryptField } from "@/lib/server/field-crypto";
import { resolveActor, type Actor } from "@/lib/server/session";

/**
 * A real Actor for a benchmark: a bench user at the area and a live session, through the session gate.
 * Roles that must have a second factor get one enrolled and a session that has passed it, as after a
 * real login (the secret is random: nobody logs in with these users).
 */
export async function benchActor(role: RoleName, areaCode: string): Promise<Actor> {
  const loginName = `bench-${role.toLowerCase()}-${areaCode || "nation"}`;
  const secondFactor = SECOND_FACTOR_ROLES.includes(role);
  const totp = secondFactor ? { totpSecret: encryptField(crypto.randomBytes(20).toString("hex")), totpEnabledAt: new Date() } : {};
  const user = await db().user.upsert({
    where: { loginName },
    create: { loginName, passwordHash: "!", displayName: "bench", role, areaCode, isActive: true, ...totp },
    update: secondFactor ? totp : {},
    select: { id: true },
  });
  const session = await db().session.create({
    data: { userId: user.id, expiresAt: new Date(Date.now() + 3_600_000), secondFactorAt: secondFactor ? new Date() : null },
    select: { id: true },
  });
  const actor = await resolveActor(session.id, "bench");
  if (!actor) throw new Error(`No actor for ${role} at ${areaCode}`);
  return actor;
}
