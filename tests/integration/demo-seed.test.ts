import { beforeAll, describe, expect, it } from "vitest";
import { CONSENT_BASES } from "@/lib/domain/enums";
import { db, disconnectDb } from "@/lib/server/db";
import { DEMO_ACCOUNTS, DEMO_COUNTY, DEMO_VILLAGE } from "@/prisma/seed/demo-accounts";
import { isSeeded, seedDemo } from "@/prisma/seed/demo";
import { importAreas } from "@/scripts/lib/areas";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

const databaseUrl = setupTestDatabase();
onTestDatabaseClose(disconnectDb);

// `npm start` seeds this on a fresh machine: if the seed breaks, the product does not start.
describe("the demo seed", () => {
  beforeAll(async () => {
    await importAreas(databaseUrl(), { prefix: DEMO_COUNTY, onWarning: () => {} });
    await seedDemo();
  }, 120_000);

  it("creates every demo account and a caseload in the demo village", async () => {
    expect(await isSeeded()).toBe(true);
    const logins = await db().user.findMany({ select: { loginName: true } });
    expect(logins.map((u) => u.loginName)).toEqual(expect.arrayContaining(DEMO_ACCOUNTS.map((a) => a.loginName)));
    expect(await db().child.count({ where: { areaCode: DEMO_VILLAGE } })).toBeGreaterThanOrEqual(40);
  });

  it("writes data the registration form would accept (consent codes, parents' status, last visit)", async () => {
    const consent = await db().child.groupBy({ by: ["consentBasis"], _count: true });
    expect(consent.every((row) => (CONSENT_BASES as readonly string[]).includes(row.consentBasis))).toBe(true);
    expect(await db().household.count({ where: { fatherStatus: "WORKING_AWAY", motherStatus: "WORKING_AWAY" } })).toBeGreaterThan(0);
    const visited = await db().child.findFirst({ where: { visits: { some: {} } }, select: { lastVisitOn: true, visits: { select: { visitedOn: true }, orderBy: { visitedOn: "desc" }, take: 1 } } });
    expect(visited?.lastVisitOn).toEqual(visited?.visits[0]?.visitedOn);
  });

  it("gives every referral an approval chain that ends at its status", async () => {
    const referrals = await db().referral.findMany({ select: { status: true, events: { select: { toStatus: true }, orderBy: { occurredAt: "asc" } } } });
    expect(referrals.length).toBeGreaterThan(0);
    expect(referrals.filter((r) => r.events.at(-1)?.toStatus !== r.status)).toEqual([]);
  });

  it("has group sessions in the demo village and an urgent report for every child living alone", async () => {
    expect(await db().groupSession.count({ where: { areaCode: DEMO_VILLAGE } })).toBeGreaterThan(0);
    const alone = await db().child.count({ where: { livingArrangement: "ALONE" } });
    expect(alone).toBeGreaterThan(0);
    expect(await db().mandatoryReport.count({ where: { kind: "CHILD_ALONE" } })).toBe(alone);
  });
});
