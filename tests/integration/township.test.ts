import { beforeAll, describe, expect, it } from "vitest";
import { dateValue, todayInChina } from "@/lib/domain/dates";
import { addDays } from "@/lib/domain/work-lists";
import { db, disconnectDb } from "@/lib/server/db";
import { ForbiddenError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/session";
import { listRecentVisits, listVillageCards } from "@/lib/server/township/queries";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { makeUser } from "../factories/users";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

// Township 530301001 with three villages; village 530301002001 is in the next township.
const NORTH = "530301001001";
const SOUTH = "530301001002";
const EMPTY = "530301001003";
const ELSEWHERE = "530301002001";

let supervisor: Actor;
let directorId: string;
const today = todayInChina();

async function visit(childId: string, areaCode: string, visitedOn: string, riskLevel: "RED" | "GREEN", createdById: string | null) {
  await db().visit.create({ data: { childId, areaCode, visitedOn: dateValue(visitedOn), riskLevel, createdById } });
}

beforeAll(async () => {
  supervisor = await actorFor("TOWNSHIP_SUPERVISOR", "530301001000");
  const [north, south, , elsewhere] = await Promise.all([makeVillage(NORTH), makeVillage(SOUTH), makeVillage(EMPTY), makeVillage(ELSEWHERE)]);
  directorId = (await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: NORTH, displayName: "王芳" })).id;
  await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: SOUTH, displayName: "离职的李梅", isActive: false });
  await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: ELSEWHERE, displayName: "别乡主任" });

  const overdue = await makeChild({ village: north, name: "过期甲", nextVisitOn: addDays(today, -3) });
  await makeChild({ village: north, name: "资料缺", household: { fatherStatus: "UNKNOWN" }, nextVisitOn: addDays(today, 10) });
  const closed = await makeChild({ village: north, name: "已结案" });
  await db().child.update({ where: { id: closed.id }, data: { status: "CLOSED" } });
  const southChild = await makeChild({ village: south, name: "南村童" });
  const far = await makeChild({ village: elsewhere, name: "别乡童", nextVisitOn: addDays(today, -3) });

  await db().referral.createMany({
    data: [
      { childId: overdue.id, areaCode: NORTH, type: "SCHOOL", agency: "中心校", status: "SUBMITTED", reason: "辍学" },
      { childId: overdue.id, areaCode: NORTH, type: "HEALTH", agency: "卫生院", status: "DRAFT", reason: "草稿" },
      { childId: overdue.id, areaCode: NORTH, type: "HEALTH", agency: "卫生院", status: "RESOLVED", reason: "已办" },
      { childId: southChild.id, areaCode: SOUTH, type: "HEALTH", agency: "卫生院", status: "IN_PROGRESS", reason: "就医" },
    ],
  });
  await visit(overdue.id, NORTH, "2025-03-01", "GREEN", directorId);
  await visit(southChild.id, SOUTH, "2025-04-02", "RED", null);
  await visit(far.id, ELSEWHERE, "2025-05-01", "RED", null);
});

describe("the supervisor's village cards", () => {
  it("shows every village of her township with its director, active children, overdue visits, open referrals and missing data", async () => {
    const cards = await listVillageCards(supervisor);
    expect(cards.map((c) => [c.code, c.directorNames, c.children, c.overdueVisits, c.openReferrals, c.missingData])).toEqual([
      [NORTH, ["王芳"], 2, 1, 1, 1],
      [SOUTH, [], 1, 0, 1, 0],
      [EMPTY, [], 0, 0, 0, 0],
    ]);
  });

  it("gives the last activity as the later of the latest visit and the latest registration, or none", async () => {
    const cards = new Map((await listVillageCards(supervisor)).map((c) => [c.code, c.lastActivity]));
    // Children were registered today, after any visit date above.
    expect(cards.get(NORTH)).toBe(today);
    expect(cards.get(EMPTY)).toBeNull();
  });

  it("a director may not read the township's cards", async () => {
    const director = await actorFor("VILLAGE_DIRECTOR", NORTH);
    await expect(listVillageCards(director)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("recent visits in the township", () => {
  it("lists the township's latest visits, newest first, with the director's name and the risk, and none from another township", async () => {
    const visits = await listRecentVisits(supervisor);
    expect(visits.map((v) => [v.childName, v.visitedOn, v.riskLevel, v.directorName])).toEqual([
      ["南村童", "2025-04-02", "RED", null],
      ["过期甲", "2025-03-01", "GREEN", "王芳"],
    ]);
  });
});
