import "server-only";
import { isoDate, todayInChina } from "@/lib/domain/dates";
import { daysBetween, missingKeyData, overdueDays, upcomingThreshold, type MissingItem, type Turning } from "@/lib/domain/work-lists";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReferralTypeName } from "@/lib/domain/enums";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { toWorkChild, type WorkChild } from "../children/dto";
import { workChildSelect } from "../children/select";
import { db } from "../db";
import type { Actor } from "../session";
import { overdueWhere } from "../referrals/queries";
import { workListWhere } from "./filters";

export type WorkSection<T> = { count: number; items: T[] };

export type TodaysWork = {
  overdue: WorkSection<WorkChild & { nextVisitOn: string; overdueDays: number }>;
  dueThisWeek: WorkSection<WorkChild & { nextVisitOn: string; inDays: number }>;
  noIdNumber: WorkSection<WorkChild>;
  turning: WorkSection<WorkChild & { turning: Turning }>;
  missingData: WorkSection<WorkChild & { missing: MissingItem[] }>;
  returnedReferrals: WorkSection<{ referralId: string; type: ReferralTypeName; returnedOn: string | null; child: WorkChild }>;
  overdueReferrals: WorkSection<{ referralId: string; type: ReferralTypeName; dueOn: string; overdueDays: number; child: WorkChild }>;
};

const keyDataSelect = {
  ...workChildSelect,
  schoolStage: true,
  schoolName: true,
  outOfSchoolReason: true,
  idNumberHash: true,
  noIdReason: true,
  consentBasis: true,
  consentGivenBy: true,
  household: {
    select: {
      fatherStatus: true,
      motherStatus: true,
      // Whether a phone is on file, nothing more: it stays encrypted (never decrypted for a list).
      guardians: { select: { phone: true, isEntrusted: true, confirmationSignedOn: true } },
    },
  },
} as const;

/**
 * The director's "today's work": each list's count and its first `take` children. Closed files are in
 * none of them. Works in any case-data scope (a township sees all its villages' lists).
 */
export async function getTodaysWork(actor: Actor, options: { take?: number } = {}): Promise<TodaysWork> {
  await assertCan(actor, "list", "child");
  await assertCan(actor, "list", "referral");
  const take = Math.min(options.take ?? 5, 50);
  const today = todayInChina();
  const active: Prisma.ChildWhereInput = { ...scopeWhere(actor), status: "ACTIVE" };
  const where = (list: Parameters<typeof workListWhere>[0]) => ({ AND: [active, workListWhere(list, today)] });
  const child = db().child;
  const referralWhere: Prisma.ReferralWhereInput = { ...scopeWhere(actor), status: "RETURNED", child: { status: "ACTIVE" } };

  const lateWhere: Prisma.ReferralWhereInput = { ...scopeWhere(actor), ...overdueWhere(today), child: { status: "ACTIVE" } };

  const [overdue, dueThisWeek, noIdNumber, turning, missingData, returned, late] = await Promise.all([
    section(where("overdue"), (w) => child.findMany({ where: w, select: { ...workChildSelect, nextVisitOn: true }, orderBy: [{ nextVisitOn: "asc" }, { name: "asc" }], take })),
    section(where("due-week"), (w) => child.findMany({ where: w, select: { ...workChildSelect, nextVisitOn: true }, orderBy: [{ nextVisitOn: "asc" }, { name: "asc" }], take })),
    section(where("no-id"), (w) => child.findMany({ where: w, select: workChildSelect, orderBy: [{ dateOfBirth: "asc" }, { name: "asc" }], take })),
    // Two birth-year ranges (16 and 18) interleave by birthday, so this short list is sorted below.
    section(where("turning"), (w) => child.findMany({ where: w, select: workChildSelect, orderBy: [{ dateOfBirth: "asc" }, { id: "asc" }], take: 1000 })),
    section(where("missing-data"), (w) => child.findMany({ where: w, select: keyDataSelect, orderBy: [{ name: "asc" }, { id: "asc" }], take })),
    Promise.all([
      db().referral.count({ where: referralWhere }),
      db().referral.findMany({
        where: referralWhere,
        select: { id: true, type: true, decidedAt: true, child: { select: workChildSelect } },
        orderBy: [{ decidedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
        take,
      }),
    ]),
    Promise.all([
      db().referral.count({ where: lateWhere }),
      db().referral.findMany({
        where: lateWhere,
        select: { id: true, type: true, dueOn: true, child: { select: workChildSelect } },
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
        take,
      }),
    ]),
  ]);

  const turningItems = turning.items
    .map((row) => ({ ...toWorkChild(row, today), turning: upcomingThreshold(isoDate(row.dateOfBirth), today) }))
    .filter((item): item is WorkChild & { turning: Turning } => item.turning !== null)
    .sort((a, b) => a.turning.on.localeCompare(b.turning.on) || a.name.localeCompare(b.name, "zh-CN"));

  return {
    overdue: {
      count: overdue.count,
      items: overdue.items.map((row) => {
        const nextVisitOn = isoDate(row.nextVisitOn!);
        return { ...toWorkChild(row, today), nextVisitOn, overdueDays: overdueDays(nextVisitOn, today) };
      }),
    },
    dueThisWeek: {
      count: dueThisWeek.count,
      items: dueThisWeek.items.map((row) => {
        const nextVisitOn = isoDate(row.nextVisitOn!);
        return { ...toWorkChild(row, today), nextVisitOn, inDays: daysBetween(today, nextVisitOn) };
      }),
    },
    noIdNumber: { count: noIdNumber.count, items: noIdNumber.items.map((row) => toWorkChild(row, today)) },
    turning: { count: turning.count, items: turningItems.slice(0, take) },
    missingData: {
      count: missingData.count,
      items: missingData.items.map((row) => ({
        ...toWorkChild(row, today),
        missing: missingKeyData({
          fatherStatus: row.household.fatherStatus,
          motherStatus: row.household.motherStatus,
          guardians: row.household.guardians.map((g) => ({ ...g, confirmationSignedOn: g.confirmationSignedOn ? isoDate(g.confirmationSignedOn) : null })),
          schoolStage: row.schoolStage,
          schoolName: row.schoolName,
          outOfSchoolReason: row.outOfSchoolReason,
          hasIdNumber: row.idNumberHash !== null,
          noIdReason: row.noIdReason,
          consentBasis: row.consentBasis,
          consentGivenBy: row.consentGivenBy,
        }),
      })),
    },
    returnedReferrals: {
      count: returned[0],
      items: returned[1].map((r) => ({
        referralId: r.id,
        type: r.type,
        returnedOn: r.decidedAt ? todayInChina(r.decidedAt) : null,
        child: toWorkChild(r.child, today),
      })),
    },
    overdueReferrals: {
      count: late[0],
      items: late[1].map((r) => {
        const dueOn = isoDate(r.dueOn!);
        return { referralId: r.id, type: r.type, dueOn, overdueDays: overdueDays(dueOn, today), child: toWorkChild(r.child, today) };
      }),
    },
  };
}

async function section<T>(where: Prisma.ChildWhereInput, list: (where: Prisma.ChildWhereInput) => Promise<T[]>): Promise<{ count: number; items: T[] }> {
  const [count, items] = await Promise.all([db().child.count({ where }), list(where)]);
  return { count, items };
}
