import "server-only";
import { shortAreaName } from "@/lib/domain/area-code";
import { isUuid } from "@/lib/domain/ids";
import { ageOn, isoDate, todayInChina } from "@/lib/domain/dates";
import { visibleCategories, type ChildCategoryName } from "@/lib/domain/categories";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { Actor } from "../session";

const fileSelect = {
  id: true,
  areaCode: true,
  areaName: true,
  name: true,
  sex: true,
  dateOfBirth: true,
  ethnicity: true,
  idNumberMasked: true,
  noIdReason: true,
  hukouStatus: true,
  schoolStage: true,
  livingArrangement: true,
  status: true,
  closedReason: true,
  riskLevel: true,
  nextVisitOn: true,
  consentBasis: true,
  version: true,
  household: {
    select: {
      address: true,
      hasDibao: true,
      hasTekun: true,
      isLowIncome: true,
      fatherWhereabouts: true,
      motherWhereabouts: true,
      guardians: {
        select: { id: true, name: true, relationship: true, canCare: true, isEntrusted: true, confirmationSignedOn: true, phone: true },
      },
    },
  },
  categories: { select: { category: true, startDate: true, endDate: true, source: true }, orderBy: { startDate: "asc" } },
  visits: {
    select: { id: true, visitedOn: true, riskLevel: true, notes: true, nextVisitOn: true },
    orderBy: { visitedOn: "desc" },
    take: 20,
  },
  referrals: { select: { id: true, type: true, status: true, agency: true, dueOn: true }, orderBy: { createdAt: "desc" } },
  entitlements: { select: { id: true, type: true, status: true, monthlyAmountFen: true }, orderBy: { createdAt: "desc" } },
} as const;

function maskPhone(phone: string | null): string | null {
  return phone ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : null;
}

/** One child's whole file. Every read is audited in the same transaction; out of scope is not found. */
export async function getChildFile(actor: Actor, childId: string) {
  assertCan(actor, "read", "child");
  if (!isUuid(childId)) return null;
  return db().$transaction(async (tx) => {
    const row = await tx.child.findFirst({ where: { id: childId, ...scopeWhere(actor) }, select: fileSelect });
    if (!row) {
      await writeAudit(tx, actor, { action: "read", entity: "child", entityId: childId, outcome: "DENIED" });
      return null;
    }
    await writeAudit(tx, actor, { action: "read", entity: "child", entityId: row.id, areaCode: row.areaCode });
    const today = todayInChina();
    const dob = isoDate(row.dateOfBirth);
    return {
      id: row.id,
      version: row.version,
      name: row.name,
      sex: row.sex,
      dateOfBirth: dob,
      age: ageOn(dob, today),
      ethnicity: row.ethnicity,
      areaCode: row.areaCode,
      areaName: shortAreaName(row.areaName),
      idNumberMasked: row.idNumberMasked,
      noIdReason: row.noIdReason,
      hukouStatus: row.hukouStatus,
      schoolStage: row.schoolStage,
      livingArrangement: row.livingArrangement,
      status: row.status,
      closedReason: row.closedReason,
      riskLevel: row.riskLevel,
      nextVisitOn: row.nextVisitOn ? isoDate(row.nextVisitOn) : null,
      consentBasis: row.consentBasis,
      household: {
        ...row.household,
        guardians: row.household.guardians.map((g) => ({
          ...g,
          phone: maskPhone(g.phone),
          confirmationSignedOn: g.confirmationSignedOn ? isoDate(g.confirmationSignedOn) : null,
        })),
      },
      categories: visibleCategories(row.categories, false).map((c) => ({
        category: c.category as ChildCategoryName,
        startDate: isoDate(c.startDate),
        endDate: c.endDate ? isoDate(c.endDate) : null,
        source: c.source,
      })),
      visits: row.visits.map((v) => ({
        ...v,
        visitedOn: isoDate(v.visitedOn),
        nextVisitOn: v.nextVisitOn ? isoDate(v.nextVisitOn) : null,
      })),
      referrals: row.referrals.map((r) => ({ ...r, dueOn: r.dueOn ? isoDate(r.dueOn) : null })),
      entitlements: row.entitlements,
    };
  });
}

export type ChildFile = NonNullable<Awaited<ReturnType<typeof getChildFile>>>;

export async function requireChildFile(actor: Actor, childId: string): Promise<ChildFile> {
  const file = await getChildFile(actor, childId);
  if (!file) throw new NotFoundError();
  return file;
}
