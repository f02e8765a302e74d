import { describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/server/db";
import { resolveActor, SESSION_IDLE_MINUTES } from "@/lib/server/session";
import { makeVillage } from "../factories/areas";
import { makeUser } from "../factories/users";
import { openSession } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

const VILLAGE = "411523101207";

describe("requests the app makes by itself", () => {
  it("a background poll is answered but does not keep an idle session alive", async () => {
    await makeVillage(VILLAGE);
    const user = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: VILLAGE });
    const lastSeenAt = new Date(Date.now() - (SESSION_IDLE_MINUTES - 1) * 60_000);
    const sessionId = await openSession(user.id, { lastSeenAt });
    expect((await resolveActor(sessionId, { background: true }))?.userId).toBe(user.id);
    const row = await db().session.findUniqueOrThrow({ where: { id: sessionId }, select: { lastSeenAt: true } });
    expect(row.lastSeenAt.getTime()).toBe(lastSeenAt.getTime());
    // The user's own next request does count.
    expect((await resolveActor(sessionId))?.userId).toBe(user.id);
    const touched = await db().session.findUniqueOrThrow({ where: { id: sessionId }, select: { lastSeenAt: true } });
    expect(touched.lastSeenAt.getTime()).toBeGreaterThan(lastSeenAt.getTime());
  });
});
