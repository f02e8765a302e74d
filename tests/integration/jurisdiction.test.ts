import { beforeAll, describe, expect, it } from "vitest";
import { dateValue, isoDate, todayInChina } from "@/lib/domain/dates";
import { listAuditEvents } from "@/lib/server/audit-events/queries";
import { getChildFile } from "@/lib/server/children/file";
import { closeChildFile } from "@/lib/server/children/mutations";
import { recordVisit } from "@/lib/server/visits/mutations";
import { visitInput } from "../factories/visits";
import { countChildren, listChildren } from "@/lib/server/children/queries";
import { getAreaOverview, type AreaOverview, type Count } from "@/lib/server/dashboard/queries";
import { db, disconnectDb } from "@/lib/server/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/server/errors";
import { listReferrals } from "@/lib/server/referrals/queries";
import type { Actor } from "@/lib/server/session";
import { listUsers } from "@/lib/server/users/queries";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

// Villages A and B share township T1; C is in township T2 of the same county; D is in another county of
// the same prefecture and province; E is in another province.
const VILLAGE = {
  A: "411523101201",
  B: "411523101202",
  C: "411523102201",
  D: "411522100201",
  E: "330106001001",
} as const;
const TOWNSHIP_T1 = "411523101000";
const TOWNSHIP_T2 = "411523102000";
const COUNTY = "411523000000";
const OTHER_COUNTY = "411522000000";
const PREFECTURE = "411500000000";
const PROVINCE = "410000000000";
const OTHER_PROVINCE = "330000000000";
// Successful writes happen in a village of their own, so the counts asserted below never move.
const WORKSHOP = "520102001001";

type Made = { id: string; areaCode: string; version: number };
const child: Record<"a1" | "a2" | "b1" | "c1" | "d1" | "e1", Made> = {} as never;
const referralIds: Record<"a1" | "b1" | "d1", string> = {} as never;
let director: Actor;
let supervisor: Actor;
let county: Actor;
let otherCounty: Actor;
let province: Actor;
let ministry: Actor;
let admin: Actor;
let auditor: Actor;
let workshopDirector: Actor;
let workshop: { code: string; name: string };

async function makeReferral(childId: string, areaCode: string) {
  const referral = await db().referral.create({
    data: { childId, areaCode, type: "SCHOOL", agency: "乡中心学校", reason: "辍学风险", status: "SUBMITTED" },
    select: { id: true },
  });
  return referral.id;
}

beforeAll(async () => {
  const village = {
    A: await makeVillage(VILLAGE.A),
    B: await makeVillage(VILLAGE.B),
    C: await makeVillage(VILLAGE.C),
    D: await makeVillage(VILLAGE.D),
    E: await makeVillage(VILLAGE.E),
  };
  workshop = await makeVillage(WORKSHOP);
  // a1 is the only child with red risk, an overdue visit and a category, so each of those counts is 1.
  child.a1 = await makeChild({
    village: village.A,
    riskLevel: "RED",
    nextVisitOn: "2020-01-01",
    categories: [{ category: "LEFT_BEHIND" }],
  });
  child.a2 = await makeChild({ village: village.A });
  child.b1 = await makeChild({ village: village.B });
  child.c1 = await makeChild({ village: village.C });
  child.d1 = await makeChild({ village: village.D });
  child.e1 = await makeChild({ village: village.E });
  referralIds.a1 = await makeReferral(child.a1.id, VILLAGE.A);
  referralIds.b1 = await makeReferral(child.b1.id, VILLAGE.B);
  referralIds.d1 = await makeReferral(child.d1.id, VILLAGE.D);

  director = await actorFor("VILLAGE_DIRECTOR", VILLAGE.A);
  supervisor = await actorFor("TOWNSHIP_SUPERVISOR", TOWNSHIP_T1);
  county = await actorFor("COUNTY_OFFICER", COUNTY);
  otherCounty = await actorFor("COUNTY_OFFICER", OTHER_COUNTY);
  province = await actorFor("PROVINCE_OFFICER", PROVINCE);
  ministry = await actorFor("MINISTRY_OFFICER", "");
  admin = await actorFor("SYSTEM_ADMIN", COUNTY);
  auditor = await actorFor("AUDITOR", COUNTY);
  workshopDirector = await actorFor("VILLAGE_DIRECTOR", WORKSHOP);
});

async function listedIds(actor: Actor): Promise<string[]> {
  return (await listChildren(actor)).map((c) => c.id).sort();
}

function ids(...made: Made[]): string[] {
  return made.map((c) => c.id).sort();
}

async function readableIds(actor: Actor, candidates: Made[]): Promise<string[]> {
  const readable: string[] = [];
  for (const c of candidates) {
    const file = await getChildFile(actor, c.id);
    if (file) {
      expect(file.id).toBe(c.id);
      readable.push(c.id);
    }
  }
  return readable.sort();
}

function allChildren(): Made[] {
  return Object.values(child);
}

async function childRow(id: string) {
  return db().child.findUniqueOrThrow({
    where: { id },
    select: { status: true, version: true, riskLevel: true, nextVisitOn: true, closedReason: true, closedAt: true },
  });
}

/** Every count an overview carries, wherever it sits. */
function counts(overview: AreaOverview): Count[] {
  return [
    overview.totals.children,
    overview.totals.overdueVisits,
    overview.totals.redRisk,
    ...overview.byCategory.map((row) => row.children),
    ...overview.subAreas.flatMap((row) => [row.children, row.overdueVisits, row.redRisk]),
  ];
}

function subArea(overview: AreaOverview, code: string) {
  const row = overview.subAreas.find((r) => r.code === code);
  if (!row) throw new Error(`no sub-area ${code} in ${overview.subAreas.map((r) => r.code).join(", ")}`);
  return row;
}

describe("a village director works inside her own village only", () => {
  it("a village director lists the children of her own village and no one else's", async () => {
    expect(await listedIds(director)).toEqual(ids(child.a1, child.a2));
  });

  it("a village director's counts cover her own village only", async () => {
    expect(await countChildren(director)).toEqual({ active: 2, overdueVisits: 1, redRisk: 1 });
  });

  it("a village director lists only her own village's referrals", async () => {
    expect((await listReferrals(director)).map((r) => r.id)).toEqual([referralIds.a1]);
  });

  it("a village director opening a child of the neighbouring village gets not-found, and the attempt is audited as denied", async () => {
    await expect(getChildFile(director, child.b1.id)).resolves.toBeNull();
    const events = await db().auditEvent.findMany({
      where: { entityId: child.b1.id, actorId: director.userId },
      select: { action: true, entity: true, outcome: true, actorRole: true },
    });
    expect(events).toEqual([{ action: "read", entity: "child", outcome: "DENIED", actorRole: "VILLAGE_DIRECTOR" }]);
  });

  it("a village director opening a malformed child id gets not-found, not a database error", async () => {
    // The child page only checks that the id is 36 hex digits or dashes before calling the data layer.
    await expect(getChildFile(director, "-".repeat(36))).resolves.toBeNull();
    await expect(getChildFile(director, "not-a-child-id")).resolves.toBeNull();
  });

  it("a village director cannot record a visit for a child of the neighbouring village, and no visit is stored", async () => {
    const before = await childRow(child.b1.id);
    await expect(
      recordVisit(director, visitInput({ childId: child.b1.id, visitedOn: todayInChina(), riskLevel: "RED", notes: "越界" })),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().visit.count({ where: { childId: child.b1.id } })).toBe(0);
    expect(await childRow(child.b1.id)).toEqual(before);
  });

  it("a village director cannot close the file of a child of the neighbouring village, which stays active", async () => {
    await expect(
      closeChildFile(director, { childId: child.b1.id, version: child.b1.version, reason: "MOVED_AWAY" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const row = await childRow(child.b1.id);
    expect(row.status).toBe("ACTIVE");
    expect(row.version).toBe(child.b1.version);
    expect(await db().auditEvent.count({ where: { entityId: child.b1.id, action: "close", outcome: "SUCCESS" } })).toBe(0);
    // The attempt itself is on record, under the director's own village for her auditors.
    const denied = await db().auditEvent.findFirst({ where: { entityId: child.b1.id, action: "close", outcome: "DENIED" } });
    expect(denied?.actorId).toBe(director.userId);
  });
});

describe("supervisors and county officers see their whole jurisdiction and nothing beyond it", () => {
  it("a township supervisor lists the children of both villages of her township, not those of the next township, county or province", async () => {
    expect(await listedIds(supervisor)).toEqual(ids(child.a1, child.a2, child.b1));
  });

  it("a township supervisor can open files in her township and gets not-found for the others", async () => {
    expect(await readableIds(supervisor, allChildren())).toEqual(ids(child.a1, child.a2, child.b1));
  });

  it("a township supervisor lists the referrals of her township only", async () => {
    expect((await listReferrals(supervisor)).map((r) => r.id).sort()).toEqual([referralIds.a1, referralIds.b1].sort());
  });

  it("a county officer lists the children of every township of her county, not those of the next county or province", async () => {
    expect(await listedIds(county)).toEqual(ids(child.a1, child.a2, child.b1, child.c1));
  });

  it("a county officer can open files in her county and gets not-found for the others", async () => {
    expect(await readableIds(county, allChildren())).toEqual(ids(child.a1, child.a2, child.b1, child.c1));
  });

  it("a county officer of the neighbouring county sees that county's children only", async () => {
    expect(await listedIds(otherCounty)).toEqual(ids(child.d1));
    expect((await listReferrals(otherCounty)).map((r) => r.id)).toEqual([referralIds.d1]);
  });
});

describe("provinces and the ministry see aggregates, never case files", () => {
  for (const [label, actor] of [
    ["a province officer", () => province],
    ["a ministry officer", () => ministry],
  ] as const) {
    it(`${label} cannot list, count or open children`, async () => {
      await expect(listChildren(actor())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(countChildren(actor())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getChildFile(actor(), child.a1.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listReferrals(actor())).rejects.toBeInstanceOf(ForbiddenError);
    });
  }

  it("a province officer's overview shows counts of five or more and suppresses counts from one to four", async () => {
    const overview = await getAreaOverview(province);
    expect(overview.level).toBe("PROVINCE");
    expect(overview.subAreas.map((r) => r.code)).toEqual([PREFECTURE]);
    // Prefecture 4115 holds A, B, C and D: five children, one red, one overdue.
    expect(subArea(overview, PREFECTURE)).toMatchObject({ children: 5, redRisk: "suppressed", overdueVisits: "suppressed" });
    expect(overview.totals).toMatchObject({ children: 5, redRisk: "suppressed", overdueVisits: "suppressed" });
    expect(overview.byCategory).toEqual([{ category: "LEFT_BEHIND", children: "suppressed" }]);
    expect(counts(overview).filter((n) => typeof n === "number" && n > 0 && n < 5)).toEqual([]);
  });

  it("a ministry officer's overview is by province and suppresses every count from one to four", async () => {
    const overview = await getAreaOverview(ministry);
    expect(overview.level).toBe("NATION");
    expect(subArea(overview, PROVINCE).children).toBe(5);
    expect(subArea(overview, OTHER_PROVINCE).children).toBe("suppressed");
    expect(counts(overview).filter((n) => typeof n === "number" && n > 0 && n < 5)).toEqual([]);
  });

  it("a county officer's overview shows exact small counts for each township", async () => {
    const overview = await getAreaOverview(county);
    expect(overview.level).toBe("COUNTY");
    expect(overview.subAreas.map((r) => r.code)).toEqual([TOWNSHIP_T1, TOWNSHIP_T2]);
    expect(subArea(overview, TOWNSHIP_T1)).toMatchObject({ children: 3, redRisk: 1, overdueVisits: 1, villages: 2 });
    expect(subArea(overview, TOWNSHIP_T2)).toMatchObject({ children: 1, redRisk: 0, overdueVisits: 0, villages: 1 });
    expect(overview.totals).toMatchObject({ children: 4, redRisk: 1, overdueVisits: 1 });
    expect(overview.byCategory).toEqual([{ category: "LEFT_BEHIND", children: 1 }]);
  });
});

describe("administration and audit read no case data", () => {
  for (const [label, actor] of [
    ["a system administrator", () => admin],
    ["an auditor", () => auditor],
  ] as const) {
    it(`${label} cannot list or open children`, async () => {
      await expect(listChildren(actor())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getChildFile(actor(), child.a1.id)).rejects.toBeInstanceOf(ForbiddenError);
    });
  }

  it("an auditor lists the audit events of her county and none from elsewhere", async () => {
    await getChildFile(director, child.a1.id);
    await getChildFile(otherCounty, child.d1.id);
    const events = await listAuditEvents(auditor, { take: 500 });
    expect(events.some((e) => e.entityId === child.a1.id && e.actorId === director.userId && e.outcome === "SUCCESS")).toBe(true);
    // Reads by people of another county stay out; a local director's denied attempt on d1 is in (see below).
    expect(events.some((e) => e.entityId === child.d1.id && e.actorId === otherCounty.userId)).toBe(false);
    expect(events.filter((e) => !e.areaCode?.startsWith("411523"))).toEqual([]);
  });

  // A denied attempt has no record area of its own; it carries the actor's area, so local auditors see probing.
  it("a county auditor sees the denied reads of the directors in her county", async () => {
    const prober = await actorFor("VILLAGE_DIRECTOR", VILLAGE.A);
    await getChildFile(prober, child.d1.id);
    const events = await listAuditEvents(auditor, { take: 500 });
    expect(events.filter((e) => e.actorId === prober.userId).map((e) => e.outcome)).toEqual(["DENIED"]);
  });

  it("an auditor is refused the user list and a system administrator is refused the audit trail", async () => {
    await expect(listUsers(auditor)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAuditEvents(admin)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a system administrator lists the accounts of her county only, without password hashes", async () => {
    const users = await listUsers(admin, { take: 1000 });
    const listed = users.map((u) => u.id);
    for (const inside of [director, supervisor, county, admin, auditor]) expect(listed).toContain(inside.userId);
    for (const outside of [otherCounty, province, ministry, workshopDirector]) expect(listed).not.toContain(outside.userId);
    expect(users.filter((u) => !u.areaCode.startsWith("411523"))).toEqual([]);
    expect(users.every((u) => !("passwordHash" in u))).toBe(true);
  });
});

describe("reads and writes leave an audit trail", () => {
  it("each successful read of a child's file writes exactly one audit row naming the reader, her role and the child's area", async () => {
    const reader = await actorFor("VILLAGE_DIRECTOR", VILLAGE.A);
    const file = await getChildFile(reader, child.a2.id);
    expect(file?.id).toBe(child.a2.id);
    const events = await db().auditEvent.findMany({
      where: { actorId: reader.userId },
      select: { action: true, entity: true, entityId: true, outcome: true, actorRole: true, areaCode: true, requestId: true },
    });
    expect(events).toEqual([
      {
        action: "read",
        entity: "child",
        entityId: child.a2.id,
        outcome: "SUCCESS",
        actorRole: "VILLAGE_DIRECTOR",
        areaCode: VILLAGE.A,
        requestId: reader.requestId,
      },
    ]);
  });

  it("recording a visit stores the visit, carries its risk and next date onto the file, and audits it", async () => {
    const made = await makeChild({ village: workshop, riskLevel: "GREEN" });
    const today = todayInChina();
    const nextVisitOn = isoDate(new Date(dateValue(today).getTime() + 14 * 86_400_000));
    const { visitId } = await recordVisit(
      workshopDirector,
      visitInput({ childId: made.id, visitedOn: today, riskLevel: "YELLOW", notes: "祖母腿伤，需每两周探访", nextVisitOn }),
    );
    const visit = await db().visit.findUniqueOrThrow({
      where: { id: visitId },
      select: { childId: true, areaCode: true, visitedOn: true, riskLevel: true, notes: true, nextVisitOn: true, createdById: true },
    });
    expect(visit).toEqual({
      childId: made.id,
      areaCode: WORKSHOP,
      visitedOn: dateValue(today),
      riskLevel: "YELLOW",
      notes: "祖母腿伤，需每两周探访",
      nextVisitOn: dateValue(nextVisitOn),
      createdById: workshopDirector.userId,
    });
    expect(await childRow(made.id)).toMatchObject({ riskLevel: "YELLOW", nextVisitOn: dateValue(nextVisitOn), version: made.version + 1 });
    const events = await db().auditEvent.findMany({
      where: { entity: "visit", entityId: visitId },
      select: { action: true, outcome: true, actorId: true, actorRole: true, areaCode: true },
    });
    expect(events).toEqual([
      { action: "create", outcome: "SUCCESS", actorId: workshopDirector.userId, actorRole: "VILLAGE_DIRECTOR", areaCode: WORKSHOP },
    ]);
  });

  it("a visit cannot be recorded on a closed file", async () => {
    const made = await makeChild({ village: workshop });
    await closeChildFile(workshopDirector, { childId: made.id, version: made.version, reason: "TURNED_18" });
    await expect(
      recordVisit(workshopDirector, visitInput({ childId: made.id, visitedOn: todayInChina(), riskLevel: "GREEN" })),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().visit.count({ where: { childId: made.id } })).toBe(0);
  });

  it("closing a file with the current version closes it and audits the close once", async () => {
    const made = await makeChild({ village: workshop });
    await closeChildFile(workshopDirector, { childId: made.id, version: made.version, reason: "MOVED_AWAY" });
    expect(await childRow(made.id)).toMatchObject({ status: "CLOSED", closedReason: "MOVED_AWAY", version: made.version + 1 });
    expect(await db().auditEvent.count({ where: { entity: "child", entityId: made.id, action: "close", outcome: "SUCCESS" } })).toBe(1);
  });

  it("closing a file with a stale version is refused with a conflict and changes nothing", async () => {
    const made = await makeChild({ village: workshop });
    // Someone else's visit moved the file on since this page was loaded.
    await recordVisit(workshopDirector, visitInput({ childId: made.id, visitedOn: todayInChina(), riskLevel: "BLUE" }));
    const before = await childRow(made.id);
    await expect(
      closeChildFile(workshopDirector, { childId: made.id, version: made.version, reason: "MOVED_AWAY" }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await childRow(made.id)).toEqual(before);
    expect(before.status).toBe("ACTIVE");
    expect(await db().auditEvent.count({ where: { entityId: made.id, action: "close" } })).toBe(0);
  });

  it("two closes of the same version at the same moment: exactly one succeeds and the other gets a conflict", async () => {
    for (let round = 0; round < 5; round++) {
      const made = await makeChild({ village: workshop });
      const input = { childId: made.id, version: made.version, reason: "MOVED_AWAY" as const };
      const results = await Promise.allSettled([closeChildFile(workshopDirector, input), closeChildFile(workshopDirector, input)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(rejected).toHaveLength(1);
      expect(rejected[0]!.reason).toBeInstanceOf(ConflictError);
      expect(await childRow(made.id)).toMatchObject({ status: "CLOSED", version: made.version + 1 });
      expect(await db().auditEvent.count({ where: { entityId: made.id, action: "close" } })).toBe(1);
    }
  });
});
