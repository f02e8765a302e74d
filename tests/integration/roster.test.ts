import { beforeAll, describe, expect, it } from "vitest";
import { listRoster } from "@/lib/server/children/roster";
import { db, disconnectDb } from "@/lib/server/db";
import { ForbiddenError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/session";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

// Villages A and B share a township; C is in another township of the same county.
const VILLAGE = { A: "510722101201", B: "510722101202", C: "510722102201" } as const;

let director: Actor;
let supervisor: Actor;
let county: Actor;
const kids: Record<"hiv" | "a2" | "closed" | "b1" | "c1", { id: string }> = {} as never;

async function printAudits(actor: Actor) {
  return db().auditEvent.findMany({ where: { actorId: actor.userId, action: "print" }, select: { entity: true, details: true, areaCode: true }, orderBy: { id: "asc" } });
}

beforeAll(async () => {
  const village = { A: await makeVillage(VILLAGE.A), B: await makeVillage(VILLAGE.B), C: await makeVillage(VILLAGE.C) };
  kids.hiv = await makeChild({ village: village.A, categories: [{ category: "HIV_AFFECTED" }, { category: "ORPHAN" }] });
  kids.a2 = await makeChild({ village: village.A, categories: [{ category: "LEFT_BEHIND" }] });
  kids.closed = await makeChild({ village: village.A });
  await db().child.update({ where: { id: kids.closed.id }, data: { status: "CLOSED", closedReason: "MOVED_AWAY" } });
  kids.b1 = await makeChild({ village: village.B });
  kids.c1 = await makeChild({ village: village.C });
  director = await actorFor("VILLAGE_DIRECTOR", VILLAGE.A);
  supervisor = await actorFor("TOWNSHIP_SUPERVISOR", "510722101000");
  county = await actorFor("COUNTY_OFFICER", "510722000000");
});

describe("the village roster (花名册)", () => {
  it("lists the active children of the director's own village only, with masked phones", async () => {
    const roster = await listRoster(director);
    expect(roster.rows.map((r) => r.id).sort()).toEqual([kids.hiv.id, kids.a2.id].sort());
    expect(roster.areaName).not.toBe("");
    for (const row of roster.rows) expect(row.guardian?.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it("never shows the specially protected category, but keeps the child's other categories", async () => {
    const roster = await listRoster(director);
    const row = roster.rows.find((r) => r.id === kids.hiv.id)!;
    expect(row.categories).toEqual(["ORPHAN"]);
    expect(JSON.stringify(roster)).not.toContain("HIV_AFFECTED");
  });

  it("gives a township supervisor her township's villages and not the neighbouring township", async () => {
    const ids = (await listRoster(supervisor)).rows.map((r) => r.id);
    expect(ids.sort()).toEqual([kids.hiv.id, kids.a2.id, kids.b1.id].sort());
    expect(ids).not.toContain(kids.c1.id);
  });

  it("writes exactly one print audit row per generation, with the count", async () => {
    const before = (await printAudits(supervisor)).length;
    const roster = await listRoster(supervisor);
    const after = await printAudits(supervisor);
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toMatchObject({ entity: "child", areaCode: "510722101000", details: { count: roster.rows.length } });
  });

  it("says when it is cut short, with the true number of children", async () => {
    const full = await listRoster(supervisor);
    expect(full).toMatchObject({ truncated: false, total: 3 });
    const cut = await listRoster(supervisor, 2);
    expect(cut.rows).toHaveLength(2);
    expect(cut).toMatchObject({ truncated: true, total: 3 });
  });

  it("is not a county-wide export", async () => {
    await expect(listRoster(county)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
