import type { RoleName } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { resolveActor, type Actor } from "@/lib/server/session";

/** A real Actor for a benchmark: a bench user at the area and a live session, through the session gate. */
export async function benchActor(role: RoleName, areaCode: string): Promise<Actor> {
  const loginName = `bench-${role.toLowerCase()}-${areaCode || "nation"}`;
  const user = await db().user.upsert({
    where: { loginName },
    create: { loginName, passwordHash: "!", displayName: "bench", role, areaCode, isActive: true },
    update: {},
    select: { id: true },
  });
  const session = await db().session.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) }, select: { id: true } });
  const actor = await resolveActor(session.id, "bench");
  if (!actor) throw new Error(`No actor for ${role} at ${areaCode}`);
  return actor;
}
