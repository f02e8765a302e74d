import { beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "@/lib/domain/dates";
import { CHILD_LOG_PAGE, listChildAccessLog } from "@/lib/server/audit-events/child-log";
import { getChildFile } from "@/lib/server/children/file";
import { db, disconnectDb } from "@/lib/server/db";
import { ForbiddenError, NotFoundError } from "@/lib/server/errors";
import { createReferral } from "@/lib/server/referrals/mutations";
import type { Actor } from "@/lib/server/session";
import { recordVisit } from "@/lib/server/visits/mutations";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { visitInput } from "../factories/visits";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

const VILLAGE = "530102005001";
const OTHER_VILLAGE = "530103005001";
let director: Actor;
let supervisor: Actor;
let child: { id: string };

beforeAll(async () => {
  const village = await makeVillage(VILLAGE);
  await makeVillage(OTHER_VILLAGE);
  director = await actorFor("VILLAGE_DIRECTOR", VILLAGE);
  supervisor = await actorFor("TOWNSHIP_SUPERVISOR", "530102005000");
  child = await makeChild({ village });
  await getChildFile(director, child.id);
  await recordVisit(director, visitInput({ childId: child.id, visitedOn: todayInChina(), riskLevel: "GREEN" }));
  await createReferral(director, { childId: child.id, type: "HEALTH", agency: "乡镇卫生院", reason: "需要接种疫苗" });
  // A director of another village asks for the file: refused, and that refusal is about this child too.
  expect(await getChildFile(await actorFor("VILLAGE_DIRECTOR", OTHER_VILLAGE), child.id)).toBeNull();
});

describe("the child's access log, for supervisors", () => {
  it("shows every audited event about the child and its records (reads, changes, refusals) with who and when, never the details", async () => {
    const log = await listChildAccessLog(supervisor, child.id);
    const what = log.entries.map((e) => `${e.action} ${e.entity} ${e.outcome}`);
    expect(what).toEqual(
      expect.arrayContaining(["read child SUCCESS", "create visit SUCCESS", "create referral SUCCESS", "read child DENIED"]),
    );
    const read = log.entries.find((e) => e.action === "read" && e.outcome === "SUCCESS" && e.role === "VILLAGE_DIRECTOR")!;
    expect(read.displayName).not.toBe("—");
    expect(read.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(Object.keys(read).sort()).toEqual(["action", "at", "displayName", "entity", "id", "outcome", "role"]);
  });

  it("records its own reading in the audit trail", async () => {
    const before = await db().auditEvent.count({ where: { actorId: supervisor.userId, entityId: child.id } });
    await listChildAccessLog(supervisor, child.id);
    expect(await db().auditEvent.count({ where: { actorId: supervisor.userId, entityId: child.id } })).toBe(before + 1);
  });

  it("pages through older entries without repeating or skipping one", async () => {
    for (let i = 0; i < CHILD_LOG_PAGE; i++) await getChildFile(director, child.id);
    const first = await listChildAccessLog(supervisor, child.id);
    expect(first.entries).toHaveLength(CHILD_LOG_PAGE);
    expect(first.nextBefore).not.toBeNull();
    const second = await listChildAccessLog(supervisor, child.id, { before: first.nextBefore! });
    const ids = [...first.entries, ...second.entries].map((e) => BigInt(e.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    expect(second.entries.at(-1)!.id).toBe(
      (await db().auditEvent.findFirstOrThrow({ where: { entity: "child", entityId: child.id }, orderBy: { id: "asc" }, select: { id: true } })).id.toString(),
    );
  });

  it("is refused to the village director, and not found for a supervisor of another township", async () => {
    await expect(listChildAccessLog(director, child.id)).rejects.toBeInstanceOf(ForbiddenError);
    const elsewhere = await actorFor("TOWNSHIP_SUPERVISOR", "530103005000");
    await expect(listChildAccessLog(elsewhere, child.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().auditEvent.count({ where: { actorId: elsewhere.userId, entityId: child.id, outcome: "DENIED" } })).toBe(1);
  });
});
