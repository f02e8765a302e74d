import "server-only";
import type { RiskLevelName } from "@/lib/domain/categories";
import { isoDate } from "@/lib/domain/dates";
import { VISIT_DOMAINS, type CheckStatusName, type ReferralTypeName, type VisitDomain } from "@/lib/domain/enums";
import { isUuid } from "@/lib/domain/ids";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { Actor } from "../session";
import { canEditVisit } from "./rules";

const visitSelect = {
  id: true,
  childId: true,
  version: true,
  visitedOn: true,
  type: true,
  metWith: true,
  riskLevel: true,
  careCheck: true,
  safetyCheck: true,
  healthCheck: true,
  educationCheck: true,
  wellbeingCheck: true,
  care: true,
  safety: true,
  health: true,
  education: true,
  wellbeing: true,
  needs: true,
  notes: true,
  nextVisitOn: true,
  createdById: true,
  createdAt: true,
} as const;

export type VisitCheck = { domain: VisitDomain; status: CheckStatusName | null; note: string | null };

export type VisitDetail = {
  id: string;
  childId: string;
  version: number;
  visitedOn: string;
  type: string;
  metWith: string[];
  riskLevel: RiskLevelName;
  checks: VisitCheck[];
  needs: ReferralTypeName[];
  notes: string | null;
  nextVisitOn: string | null;
  canEdit: boolean;
};

export type VisitListItem = VisitDetail & {
  recordedBy: string | null;
  /** Needs that already have a referral (a draft or further along) from this visit. */
  referredNeeds: ReferralTypeName[];
  hasMandatoryReport: boolean;
};

type VisitRow = { [K in keyof typeof visitSelect]: unknown } & {
  id: string;
  childId: string;
  version: number;
  visitedOn: Date;
  type: string;
  metWith: string[];
  riskLevel: RiskLevelName;
  needs: ReferralTypeName[];
  notes: string | null;
  nextVisitOn: Date | null;
  createdById: string | null;
  createdAt: Date;
};

function toVisitDetail(actor: Actor, row: VisitRow): VisitDetail {
  const visitedOn = isoDate(row.visitedOn);
  const record = row as unknown as Record<string, string | null>;
  return {
    id: row.id,
    childId: row.childId,
    version: row.version,
    visitedOn,
    type: row.type,
    metWith: row.metWith,
    riskLevel: row.riskLevel,
    checks: VISIT_DOMAINS.map((domain) => ({
      domain,
      status: record[`${domain}Check`] as CheckStatusName | null,
      note: record[domain] ?? null,
    })),
    needs: row.needs,
    notes: row.notes,
    nextVisitOn: row.nextVisitOn ? isoDate(row.nextVisitOn) : null,
    canEdit: canEditVisit(actor, row),
  };
}

/** A child's visits, newest first, with who recorded each and which needs already became referrals. */
export async function listChildVisits(actor: Actor, childId: string, take = 20): Promise<VisitListItem[]> {
  await assertCan(actor, "list", "visit");
  if (!isUuid(childId)) return [];
  const rows = await db().visit.findMany({
    where: { childId, ...scopeWhere(actor) },
    select: visitSelect,
    orderBy: [{ visitedOn: "desc" }, { createdAt: "desc" }],
    take: Math.min(take, 100),
  });
  const visitIds = rows.map((r) => r.id);
  const authorIds = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => !!id))];
  const [referrals, reports, authors] = await Promise.all([
    db().referral.findMany({ where: { childId, visitId: { in: visitIds }, ...scopeWhere(actor) }, select: { visitId: true, type: true } }),
    db().mandatoryReport.findMany({ where: { childId, visitId: { in: visitIds }, ...scopeWhere(actor) }, select: { visitId: true } }),
    db().user.findMany({ where: { id: { in: authorIds } }, select: { id: true, displayName: true } }),
  ]);
  const names = new Map(authors.map((a) => [a.id, a.displayName]));
  return rows.map((row) => ({
    ...toVisitDetail(actor, row),
    recordedBy: row.createdById ? (names.get(row.createdById) ?? null) : null,
    referredNeeds: referrals.filter((r) => r.visitId === row.id).map((r) => r.type),
    hasMandatoryReport: reports.some((r) => r.visitId === row.id),
  }));
}

export type VisitForEdit = VisitDetail & {
  child: { id: string; name: string; dateOfBirth: string; areaCode: string };
  hasMandatoryReport: boolean;
  /** What the director wrote for the report this visit raised, so an edit keeps it. */
  mandatoryReportDescription: string;
};

/** One visit for its edit page; the read is audited like a read of the child's file. */
export async function getVisit(actor: Actor, visitId: string): Promise<VisitForEdit> {
  await assertCan(actor, "read", "visit");
  const found = await db().$transaction(async (tx) => {
    const row = isUuid(visitId)
      ? await tx.visit.findFirst({
          where: { id: visitId, ...scopeWhere(actor) },
          select: { ...visitSelect, areaCode: true, child: { select: { id: true, name: true, dateOfBirth: true, areaCode: true } } },
        })
      : null;
    if (!row) {
      await writeAudit(tx, actor, { action: "read", entity: "visit", entityId: visitId, outcome: "DENIED" });
      return null;
    }
    await writeAudit(tx, actor, { action: "read", entity: "visit", entityId: row.id, areaCode: row.areaCode });
    const report = await tx.mandatoryReport.findFirst({
      where: { visitId: row.id, childId: row.childId, ...scopeWhere(actor) },
      select: { description: true },
    });
    return {
      ...toVisitDetail(actor, row),
      child: { ...row.child, dateOfBirth: isoDate(row.child.dateOfBirth) },
      hasMandatoryReport: !!report,
      mandatoryReportDescription: report?.description ?? "",
    };
  });
  if (!found) throw new NotFoundError();
  return found;
}
