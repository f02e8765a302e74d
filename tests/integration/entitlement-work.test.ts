import { describe, expect, it } from "vitest";
import { dateValue, todayInChina } from "@/lib/domain/dates";
import type { EntitlementStatusName } from "@/lib/domain/enums";
import { addDays } from "@/lib/domain/work-lists";
import { db, disconnectDb } from "@/lib/server/db";
import { countEntitlementWork } from "@/lib/server/entitlements/work";
import { ForbiddenError } from "@/lib/server/errors";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

const today = todayInChina();

async function application(village: { code: string; name: string }, status: EntitlementStatusName, dueOn: string | null = null) {
  const child = await makeChild({ village });
  await db().entitlement.create({
    data: {
      childId: child.id,
      areaCode: village.code,
      type: "DIBAO",
      status,
      appliedOn: dateValue(addDays(today, -30)),
      dueOn: dueOn ? dateValue(dueOn) : null,
    },
  });
}

describe("the benefit work waiting at each level", () => {
  it("counts applications to check, to confirm, returned and overdue in the actor's area only", async () => {
    const village = await makeVillage("520102101001");
    const neighbour = await makeVillage("520102101002");
    const elsewhere = await makeVillage("520102201001");
    await application(village, "APPLIED", addDays(today, -1)); // overdue
    await application(village, "APPLIED", today); // due today: not yet overdue
    await application(neighbour, "CHECKED", addDays(today, -5)); // overdue
    await application(neighbour, "CHECKED", addDays(today, 3));
    await application(village, "RETURNED", addDays(today, -9)); // back with the director: not counted overdue
    await application(village, "RECEIVING", addDays(today, -40)); // decided: never overdue
    await application(elsewhere, "APPLIED", addDays(today, -1)); // another township

    const township = await actorFor("TOWNSHIP_SUPERVISOR", "520102101000");
    expect(await countEntitlementWork(township)).toEqual({ toCheck: 2, toConfirm: 2, returned: 1, overdue: 2 });

    const director = await actorFor("VILLAGE_DIRECTOR", village.code);
    expect(await countEntitlementWork(director)).toEqual({ toCheck: 2, toConfirm: 0, returned: 1, overdue: 1 });

    const county = await actorFor("COUNTY_OFFICER", "520102000000");
    expect(await countEntitlementWork(county)).toEqual({ toCheck: 3, toConfirm: 2, returned: 1, overdue: 3 });
  });

  it("is refused to roles that do not work on applications", async () => {
    await makeVillage("520102301001");
    const province = await actorFor("PROVINCE_OFFICER", "520000000000");
    await expect(countEntitlementWork(province)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
