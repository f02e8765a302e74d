import "server-only";
import { isoDate, todayInChina } from "@/lib/domain/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan } from "../access/policy";
import { scopePattern } from "../access/scope";
import { writeAudit } from "../audit";
import { db, type Tx } from "../db";
import type { Actor } from "../session";
import { notify, recipientsOf } from "./notify";

type Overdue = { id: string; areaCode: string; name: string; nextVisitOn: Date };

/**
 * Tells the village's directors once about each visit that has become overdue (one notification per
 * child and due date). There is no scheduler: it runs when a director's bell asks for the unread count,
 * inside her own jurisdiction only. A transaction-scoped lock per jurisdiction keeps two tabs from
 * announcing the same visit twice. Returns how many were announced.
 */
export async function announceOverdueVisits(actor: Actor, now: Date = new Date()): Promise<number> {
  await assertCan(actor, "list", "child");
  const today = todayInChina(now);
  const pattern = scopePattern(actor);
  const find = (client: Pick<Tx, "$queryRaw">) =>
    client.$queryRaw<Overdue[]>(Prisma.sql`
      SELECT c.id::text AS "id", c.area_code AS "areaCode", c.name, c.next_visit_on AS "nextVisitOn"
      FROM children c
      WHERE c.area_code LIKE ${pattern} AND c.status = 'ACTIVE' AND c.next_visit_on < ${today}::date
        AND NOT EXISTS (
          SELECT 1 FROM notifications n
          WHERE n.entity = 'child' AND n.entity_id = c.id::text AND n.kind = 'VISIT_OVERDUE'
            AND n.params->>'dueOn' = to_char(c.next_visit_on, 'YYYY-MM-DD'))
      ORDER BY c.next_visit_on
      LIMIT 200`);
  if ((await find(db())).length === 0) return 0;
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`barefoot:overdue-visits:${pattern}`}))`;
    const due = await find(tx);
    // Recipients looked up once per village, not once per child.
    const recipients = new Map<string, string[]>();
    for (const child of due) {
      if (!recipients.has(child.areaCode)) recipients.set(child.areaCode, await recipientsOf(tx, { areaCode: child.areaCode, roles: ["VILLAGE_DIRECTOR"] }));
      await notify(tx, {
        kind: "VISIT_OVERDUE",
        entity: "child",
        entityId: child.id,
        areaCode: child.areaCode,
        roles: ["VILLAGE_DIRECTOR"],
        params: { childName: child.name, childId: child.id, dueOn: isoDate(child.nextVisitOn) },
      }, recipients.get(child.areaCode));
    }
    if (due.length > 0) await writeAudit(tx, actor, { action: "create", entity: "notification", details: { kind: "VISIT_OVERDUE", count: due.length } });
    return due.length;
  });
}
