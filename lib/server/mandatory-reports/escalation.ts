import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "../db";
import { writeAnonymousAudit } from "../audit";
import { notify, recipientsOf } from "../notifications/notify";

/** 强制报告 not acknowledged within this time go up to the county (issue 4). */
export const ESCALATION_HOURS = 24;

/** A report still OPEN more than 24 hours after it was raised is escalated; an acknowledged one never is. */
export function isEscalated(report: { status: string; createdAt: Date }, now: Date = new Date()): boolean {
  return report.status === "OPEN" && now.getTime() - report.createdAt.getTime() > ESCALATION_HOURS * 3_600_000;
}

type Candidate = { id: string; areaCode: string; childName: string };

// There is no escalated_at column: the escalation's audit row is the marker (written even when the county
// has no active officer to notify), so each report is escalated once however often the lists are read.
async function findUnannounced(client: Pick<ReturnType<typeof db>, "$queryRaw">, now: Date): Promise<Candidate[]> {
  const cutoff = new Date(now.getTime() - ESCALATION_HOURS * 3_600_000);
  return client.$queryRaw<Candidate[]>(Prisma.sql`
    SELECT r.id::text AS "id", r.area_code AS "areaCode", c.name AS "childName"
    FROM mandatory_reports r JOIN children c ON c.id = r.child_id
    WHERE r.status = 'OPEN' AND r.created_at < ${cutoff}
      AND NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity = 'mandatoryReport' AND a.entity_id = r.id::text AND a.action = 'escalate')
    ORDER BY r.created_at
    LIMIT 500`);
}

/**
 * Unscoped on purpose: a system job with no actor, run whenever a township or county reads its urgent
 * list (there is no scheduler), so every overdue report in the country is announced to its county the
 * first time anyone looks. Idempotent; a transaction-scoped advisory lock keeps two simultaneous page
 * loads from announcing the same report twice. Returns the ids announced by this call.
 */
export async function unsafeEscalateOverdueReports(now: Date = new Date()): Promise<string[]> {
  if ((await findUnannounced(db(), now)).length === 0) return [];
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('barefoot:escalate-mandatory-reports'))`;
    const announced: string[] = [];
    // County officers looked up once per county, not once per report.
    const officers = new Map<string, string[]>();
    for (const report of await findUnannounced(tx, now)) {
      const county = report.areaCode.slice(0, 6);
      if (!officers.has(county)) officers.set(county, await recipientsOf(tx, { areaCode: report.areaCode, roles: ["COUNTY_OFFICER"] }));
      await notify(tx, {
        kind: "REPORT_ESCALATED",
        entity: "mandatoryReport",
        entityId: report.id,
        areaCode: report.areaCode,
        roles: ["COUNTY_OFFICER"],
        params: { childName: report.childName },
      }, officers.get(county));
      await writeAnonymousAudit(tx, { action: "escalate", entity: "mandatoryReport", entityId: report.id, areaCode: report.areaCode, details: { hoursOpen: ESCALATION_HOURS } });
      announced.push(report.id);
    }
    return announced;
  });
}
