import { beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/server/db";
import { ForbiddenError, NotFoundError } from "@/lib/server/errors";
import { markRead } from "@/lib/server/notifications/mutations";
import { notify } from "@/lib/server/notifications/notify";
import { countUnread, listNotifications } from "@/lib/server/notifications/queries";
import type { Actor } from "@/lib/server/session";
import { todayInChina } from "@/lib/domain/dates";
import { addDays } from "@/lib/domain/work-lists";
import { announceOverdueVisits } from "@/lib/server/notifications/overdue-visits";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

const VILLAGE = "530201001001";
let supervisor: Actor;
let colleague: Actor;
let admin: Actor;

async function announce(kind: "URGENT_REPORT" | "REFERRAL_SUBMITTED", entity: string, entityId: string, createdAt: Date) {
  await db().$transaction((tx) => notify(tx, { kind, entity, entityId, areaCode: VILLAGE, roles: ["TOWNSHIP_SUPERVISOR"], params: { childName: "张小明" } }));
  await db().notification.updateMany({ where: { entityId }, data: { createdAt } });
}

const REPORT_ID = "00000000-0000-4000-8000-000000000001";
const REFERRAL_ID = "00000000-0000-4000-8000-000000000002";

beforeAll(async () => {
  supervisor = await actorFor("TOWNSHIP_SUPERVISOR", "530201001000");
  colleague = await actorFor("TOWNSHIP_SUPERVISOR", "530201001000");
  admin = await actorFor("SYSTEM_ADMIN", "");
  await announce("URGENT_REPORT", "mandatoryReport", REPORT_ID, new Date(Date.now() - 3_600_000));
  await announce("REFERRAL_SUBMITTED", "referral", REFERRAL_ID, new Date());
});

describe("a user's notifications", () => {
  it("lists her own notifications newest first, each with its sentence's parameters and a link to the record", async () => {
    const listed = await listNotifications(supervisor);
    expect(listed.map((n) => [n.kind, n.href, n.isRead, n.params])).toEqual([
      ["REFERRAL_SUBMITTED", `/referrals/${REFERRAL_ID}`, false, { childName: "张小明" }],
      ["URGENT_REPORT", `/reports/${REPORT_ID}`, false, { childName: "张小明" }],
    ]);
    expect(await countUnread(supervisor)).toBe(2);
  });

  it("marking another user's notification read is refused as not found, audited, and changes nothing; marking her own changes only hers", async () => {
    const [mine] = await listNotifications(supervisor);
    await expect(markRead(colleague, [mine!.id])).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().auditEvent.count({ where: { actorId: colleague.userId, entity: "notification", outcome: "DENIED" } })).toBe(1);
    await expect(markRead(supervisor, [mine!.id, "not-a-uuid"])).rejects.toBeInstanceOf(NotFoundError);
    expect(await countUnread(supervisor)).toBe(2);
    expect(await markRead(supervisor, [mine!.id])).toBe(1);
    expect(await countUnread(supervisor)).toBe(1);
    expect(await countUnread(colleague)).toBe(2);
    expect((await listNotifications(supervisor)).find((n) => n.id === mine!.id)?.isRead).toBe(true);
  });

  it("mark all read clears her unread count and leaves her colleague's untouched", async () => {
    expect(await markRead(supervisor, "all")).toBe(1);
    expect(await countUnread(supervisor)).toBe(0);
    expect(await markRead(supervisor, "all")).toBe(0);
    expect(await countUnread(colleague)).toBe(2);
  });

  it("an administrator has no notifications to read", async () => {
    await expect(listNotifications(admin)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(countUnread(admin)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("overdue visit notifications", () => {
  it("tell the village's director once per child and due date, and never another village's", async () => {
    const village = await makeVillage("430102001301");
    const other = await makeVillage("430102001302");
    const director = await actorFor("VILLAGE_DIRECTOR", village.code);
    const neighbour = await actorFor("VILLAGE_DIRECTOR", other.code);
    const today = todayInChina();
    const late = await makeChild({ village, nextVisitOn: addDays(today, -3) });
    await makeChild({ village, nextVisitOn: addDays(today, 2) });
    await makeChild({ village: other, nextVisitOn: addDays(today, -5) });

    expect(await announceOverdueVisits(director)).toBe(1);
    expect(await announceOverdueVisits(director)).toBe(0);
    const mine = await listNotifications(director);
    expect(mine.filter((n) => n.kind === "VISIT_OVERDUE").map((n) => n.href)).toEqual([`/children/${late.id}`]);
    expect((await listNotifications(neighbour)).filter((n) => n.kind === "VISIT_OVERDUE")).toEqual([]);

    // A new due date that passes is a new reminder.
    await db().child.update({ where: { id: late.id }, data: { nextVisitOn: new Date(`${addDays(today, -1)}T00:00:00Z`) } });
    expect(await announceOverdueVisits(director)).toBe(1);
  });
});
