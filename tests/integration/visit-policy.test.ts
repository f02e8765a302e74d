import { beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/server/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/session";
import { updateVisitPolicy } from "@/lib/server/visit-policies/mutations";
import { getVisitPolicy } from "@/lib/server/visit-policies/queries";
import { makeVillage } from "../factories/areas";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

const DEFAULTS = { RED: 7, YELLOW: 14, BLUE: 30, GREEN: 90 };

let county: Actor;
let otherCounty: Actor;
let director: Actor;
let supervisor: Actor;
let raceCounty: Actor;

beforeAll(async () => {
  await makeVillage("520101001001");
  await makeVillage("520102001001");
  await makeVillage("520103001001");
  county = await actorFor("COUNTY_OFFICER", "520101000000");
  otherCounty = await actorFor("COUNTY_OFFICER", "520102000000");
  raceCounty = await actorFor("COUNTY_OFFICER", "520103000000");
  director = await actorFor("VILLAGE_DIRECTOR", "520101001001");
  supervisor = await actorFor("TOWNSHIP_SUPERVISOR", "520101001000");
});

describe("a county's visit policy", () => {
  it("is the default 7/14/30/90 days, at version 0, until the county sets its own", async () => {
    expect(await getVisitPolicy(otherCounty, otherCounty.areaCode)).toEqual({
      countyCode: "520102",
      intervals: DEFAULTS,
      version: 0,
      isDefault: true,
    });
  });

  it("a county officer sets her county's four intervals; directors of the county then see them, and the change is audited", async () => {
    const { version } = await updateVisitPolicy(county, { version: 0, RED: 5, YELLOW: 10, BLUE: 21, GREEN: 60 });
    expect(version).toBe(1);
    expect(await getVisitPolicy(director, director.areaCode)).toEqual({
      countyCode: "520101",
      intervals: { RED: 5, YELLOW: 10, BLUE: 21, GREEN: 60 },
      version: 1,
      isDefault: false,
    });
    const events = await db().auditEvent.findMany({
      where: { entity: "visitPolicy", entityId: "520101", action: "update" },
      select: { actorId: true, outcome: true, areaCode: true },
    });
    expect(events).toEqual([{ actorId: county.userId, outcome: "SUCCESS", areaCode: "520101000000" }]);
    // The neighbouring county keeps the defaults.
    expect((await getVisitPolicy(otherCounty, otherCounty.areaCode)).intervals).toEqual(DEFAULTS);
  });

  it("a save from a stale version is refused as changed by someone else, and the intervals stay", async () => {
    const current = await getVisitPolicy(county, county.areaCode);
    await updateVisitPolicy(county, { version: current.version, RED: 6, YELLOW: 12, BLUE: 24, GREEN: 70 });
    const error = await updateVisitPolicy(county, { version: current.version, RED: 1, YELLOW: 1, BLUE: 1, GREEN: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).messageKey).toBe("visitPolicy.errors.conflict");
    expect((await getVisitPolicy(county, county.areaCode)).intervals).toEqual({ RED: 6, YELLOW: 12, BLUE: 24, GREEN: 70 });
  });

  it("two first saves of a county at the same moment: one succeeds and the other gets a conflict", async () => {
    const input = { version: 0, RED: 4, YELLOW: 8, BLUE: 16, GREEN: 32 };
    const results = await Promise.allSettled([updateVisitPolicy(raceCounty, input), updateVisitPolicy(raceCounty, input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected.map((r) => r.reason instanceof ConflictError)).toEqual([true]);
    expect(await db().visitPolicy.count({ where: { countyCode: "520103" } })).toBe(4);
  });

  it("only a county officer may change it: directors and supervisors are refused", async () => {
    for (const actor of [director, supervisor]) {
      await expect(updateVisitPolicy(actor, { version: 0, ...DEFAULTS })).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("another county's policy is not found, for its officer and for directors alike", async () => {
    await expect(getVisitPolicy(otherCounty, "520101001001")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getVisitPolicy(director, "520102001001")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getVisitPolicy(supervisor, "520102000000")).rejects.toBeInstanceOf(NotFoundError);
  });
});
