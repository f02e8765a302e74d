import "server-only";
import { shortAreaName } from "@/lib/domain/area-code";
import { isUuid } from "@/lib/domain/ids";
import { ageOn, isoDate, todayInChina } from "@/lib/domain/dates";
import { visibleCategories, type ChildCategoryName } from "@/lib/domain/categories";
import type { RoleName } from "@/lib/domain/roles";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db, type Tx } from "../db";
import { NotFoundError } from "../errors";
import { decryptField } from "../field-crypto";
import { guardianSelect, parentsSelect, toGuardianDto, toParentsDto } from "../households/dto";
import type { Actor } from "../session";
import { actorNames } from "../users/actor-names";

const fileSelect = {
  id: true,
  householdId: true,
  areaCode: true,
  areaName: true,
  name: true,
  sex: true,
  dateOfBirth: true,
  ethnicity: true,
  idNumberMasked: true,
  noIdReason: true,
  hukouStatus: true,
  hukouPlace: true,
  schoolStage: true,
  schoolName: true,
  outOfSchoolReason: true,
  isBoarding: true,
  healthStatus: true,
  healthNote: true,
  disabilityType: true,
  disabilityGrade: true,
  hasDisabilityCertificate: true,
  medicalInsurance: true,
  livingArrangement: true,
  status: true,
  closedReason: true,
  closedAt: true,
  riskLevel: true,
  nextVisitOn: true,
  lastVisitOn: true,
  consentBasis: true,
  consentGivenBy: true,
  consentOn: true,
  version: true,
  household: {
    select: {
      address: true,
      memberCount: true,
      incomeSource: true,
      hasDibao: true,
      hasTekun: true,
      isLowIncome: true,
      ...parentsSelect,
      guardians: { select: guardianSelect, orderBy: { createdAt: "asc" } },
    },
  },
  categories: { select: { id: true, category: true, startDate: true, endDate: true, source: true }, orderBy: { startDate: "asc" } },
  visits: {
    select: { id: true, visitedOn: true, riskLevel: true, notes: true, nextVisitOn: true },
    orderBy: { visitedOn: "desc" },
    take: 20,
  },
  referrals: { select: { id: true, type: true, status: true, agency: true, dueOn: true }, orderBy: { createdAt: "desc" } },
  entitlements: { select: { id: true, type: true, status: true, monthlyAmountFen: true, eligibleOnApply: true }, orderBy: { createdAt: "desc" } },
  mandatoryReports: { where: { status: { not: "CLOSED" } }, select: { id: true, kind: true, status: true, createdAt: true }, orderBy: { createdAt: "desc" } },
} as const;

const VIEWER_ROLES: readonly RoleName[] = ["TOWNSHIP_SUPERVISOR", "COUNTY_OFFICER"];

export type FileViewer = { at: string; role: RoleName; displayName: string };

/** "Who viewed this file" for the supervisor and the county (PIPL: every access is logged; they check it). */
async function listFileViewers(tx: Tx, childId: string): Promise<FileViewer[]> {
  const events = await tx.auditEvent.findMany({
    where: { entity: "child", entityId: childId, action: "read", outcome: "SUCCESS" },
    select: { occurredAt: true, actorId: true, actorRole: true },
    orderBy: { occurredAt: "desc" },
    take: 20,
  });
  const nameOf = await actorNames(tx, events);
  return events.map((e) => ({ at: e.occurredAt.toISOString(), role: e.actorRole ?? "AUDITOR", displayName: nameOf(e.actorId) ?? "—" }));
}

type FileRow = NonNullable<Awaited<ReturnType<typeof findFileRow>>>;

function findFileRow(tx: Tx, actor: Actor, childId: string) {
  return tx.child.findFirst({ where: { id: childId, ...scopeWhere(actor) }, select: fileSelect });
}

function toChildFile(row: FileRow, role: RoleName, viewers: FileViewer[] | null, showProtected: boolean) {
  const dob = isoDate(row.dateOfBirth);
  const date = (d: Date | null) => (d ? isoDate(d) : null);
  const { household } = row;
  return {
    id: row.id,
    householdId: row.householdId,
    version: row.version,
    name: row.name,
    sex: row.sex,
    dateOfBirth: dob,
    age: ageOn(dob, todayInChina()),
    ethnicity: row.ethnicity,
    areaCode: row.areaCode,
    areaName: shortAreaName(row.areaName),
    idNumberMasked: row.idNumberMasked,
    noIdReason: row.noIdReason,
    hukouStatus: row.hukouStatus,
    hukouPlace: row.hukouPlace,
    schoolStage: row.schoolStage,
    schoolName: row.schoolName,
    outOfSchoolReason: row.outOfSchoolReason,
    isBoarding: row.isBoarding,
    healthStatus: row.healthStatus,
    healthNote: row.healthNote,
    disabilityType: row.disabilityType,
    disabilityGrade: row.disabilityGrade,
    hasDisabilityCertificate: row.hasDisabilityCertificate,
    medicalInsurance: row.medicalInsurance,
    livingArrangement: row.livingArrangement,
    status: row.status,
    closedReason: row.closedReason,
    closedOn: row.closedAt ? todayInChina(row.closedAt) : null,
    riskLevel: row.riskLevel,
    nextVisitOn: date(row.nextVisitOn),
    lastVisitOn: date(row.lastVisitOn),
    consentBasis: row.consentBasis,
    consentGivenBy: row.consentGivenBy,
    consentOn: date(row.consentOn),
    household: {
      address: decryptField(household.address),
      memberCount: household.memberCount,
      incomeSource: household.incomeSource,
      hasDibao: household.hasDibao,
      hasTekun: household.hasTekun,
      isLowIncome: household.isLowIncome,
      fatherWhereabouts: household.fatherWhereabouts,
      motherWhereabouts: household.motherWhereabouts,
      ...toParentsDto(household, role),
      guardians: household.guardians.map((g) => toGuardianDto(g, role)),
    },
    categories: visibleCategories(row.categories, showProtected).map((c) => ({
      id: c.id,
      category: c.category as ChildCategoryName,
      startDate: isoDate(c.startDate),
      endDate: date(c.endDate),
      source: c.source,
    })),
    visits: row.visits.map((v) => ({ ...v, visitedOn: isoDate(v.visitedOn), nextVisitOn: date(v.nextVisitOn) })),
    referrals: row.referrals.map((r) => ({ ...r, dueOn: date(r.dueOn) })),
    entitlements: row.entitlements,
    openReports: row.mandatoryReports.map((r) => ({ id: r.id, kind: r.kind, status: r.status, createdOn: todayInChina(r.createdAt) })),
    /** Only for township and county; null for everyone else. */
    viewers,
  };
}

/**
 * One child's whole file. Every read is audited in the same transaction; out of scope is not found.
 * ID numbers are masked for every role; phones are shown in full to the village director only; HIV status
 * only to an actor with the dedicated permission (never printed: paper leaves the system's control).
 */
export async function getChildFile(actor: Actor, childId: string, options: { forPaper?: boolean } = {}) {
  await assertCan(actor, "read", "child");
  if (!isUuid(childId)) return null;
  return db().$transaction(async (tx) => {
    const row = await findFileRow(tx, actor, childId);
    if (!row) {
      await writeAudit(tx, actor, { action: "read", entity: "child", entityId: childId, outcome: "DENIED" });
      return null;
    }
    // HIV status only with the dedicated permission, and never on paper. Every read that could show it says
    // so, whether or not the child has it: the audit trail must not itself tell auditors who is affected.
    const showProtected = actor.hivAccess && !options.forPaper;
    await writeAudit(tx, actor, { action: "read", entity: "child", entityId: row.id, areaCode: row.areaCode, ...(showProtected ? { details: { protectedView: true } } : {}) });
    const viewers = VIEWER_ROLES.includes(actor.role) ? await listFileViewers(tx, row.id) : null;
    return toChildFile(row, actor.role, viewers, showProtected);
  });
}

export type ChildFile = NonNullable<Awaited<ReturnType<typeof getChildFile>>>;

export async function requireChildFile(actor: Actor, childId: string): Promise<ChildFile> {
  const file = await getChildFile(actor, childId);
  if (!file) throw new NotFoundError();
  return file;
}
