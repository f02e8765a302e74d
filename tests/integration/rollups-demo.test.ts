import { beforeAll, describe, expect, it } from "vitest";
import { currentMonth, monthStart } from "@/lib/domain/months";
import { dateValue } from "@/lib/domain/dates";
import { db, disconnectDb } from "@/lib/server/db";
import { unsafeCheckRollups } from "@/lib/server/rollups/check";
import { unsafeRebuildRollups } from "@/lib/server/rollups/rebuild";
import { DEMO_COUNTY, DEMO_VILLAGE } from "@/prisma/seed/demo-accounts";
import { seedDemo } from "@/prisma/seed/demo";
import { importAreas } from "@/scripts/lib/areas";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

const databaseUrl = setupTestDatabase();
onTestDatabaseClose(disconnectDb);

// `npm start` builds the rollups right after loading the demo; `npm run rollups:check` must agree with them.
describe("rollups of the demo data", () => {
  beforeAll(async () => {
    await importAreas(databaseUrl(), { prefix: DEMO_COUNTY, onWarning: () => {} });
    await seedDemo();
    await unsafeRebuildRollups();
  }, 180_000);

  it("match a live recomputation of every village and every upper level", async () => {
    const county = await db().indicatorRollup.findFirst({
      where: { areaCode: `${DEMO_COUNTY}000000`, period: dateValue(monthStart(currentMonth())), indicator: "children", breakdown: "" },
    });
    expect(Number(county?.value)).toBeGreaterThanOrEqual(40);
    expect(await unsafeCheckRollups()).toEqual([]);
  }, 120_000);

  it("fail the consistency check when a stored village row is altered", async () => {
    const period = dateValue(monthStart(currentMonth()));
    await db().indicatorRollup.updateMany({ where: { areaCode: DEMO_VILLAGE, period, indicator: "children", breakdown: "" }, data: { value: { increment: 1 } } });
    const differences = await unsafeCheckRollups();
    expect(differences).toEqual(expect.arrayContaining([expect.objectContaining({ areaCode: DEMO_VILLAGE, indicator: "children", breakdown: "" })]));
    expect(await db().indicatorRollup.count({ where: { breakdown: { contains: "HIV" } } })).toBe(0);
  }, 120_000);
});
