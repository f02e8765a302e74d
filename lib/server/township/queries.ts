import "server-only";
import { shortAreaName } from "@/lib/domain/area-code";
import { isoDate, todayInChina } from "@/lib/domain/dates";
import type { RiskLevelName } from "@/lib/domain/categories";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { db } from "../db";
import type { Actor } from "../session";
import { workListWhere } from "../workbench/filters";

export type VillageCard = {
  code: string;
  name: string;
  /** Active directors at this village; empty means "暂无儿童主任". */
  directorNames: string[];
  children: number;
  overdueVisits: number;
  openReferrals: number;
  missingData: number;
  /** The latest visit or registration day (yyyy-MM-dd), or null when nothing has happened yet. */
  lastActivity: string | null;
};

/** Sent on, but not yet finished: a director's unsent drafts are hers, not the township's work. */
const OPEN_REFERRAL: Prisma.EnumReferralStatusFilter = { in: ["SUBMITTED", "RETURNED", "APPROVED", "REFERRED", "IN_PROGRESS"] };

const MAX_VILLAGES = 1000;

type Counted = { areaCode: string; _count: { _all: number } };
const countsByArea = (rows: Counted[]) => new Map(rows.map((r) => [r.areaCode, r._count._all]));

/**
 * One card per village of the actor's jurisdiction (the supervisor's township). Each metric is one
 * grouped query over the whole township, never a query per village.
 */
export async function listVillageCards(actor: Actor): Promise<VillageCard[]> {
  await assertCan(actor, "read", "aggregate");
  await assertCan(actor, "list", "child");
  const scope = scopeWhere(actor);
  const prefix = scope.areaCode.startsWith;
  const today = todayInChina();
  const active: Prisma.ChildWhereInput = { ...scope, status: "ACTIVE" };
  const [villages, directors, children, overdue, missing, referrals, visits] = await Promise.all([
    db().adminArea.findMany({ where: { code: { startsWith: prefix }, level: "VILLAGE", validTo: null }, select: { code: true, name: true }, orderBy: { code: "asc" }, take: MAX_VILLAGES }),
    db().user.findMany({ where: { role: "VILLAGE_DIRECTOR", isActive: true, areaCode: { startsWith: prefix } }, select: { areaCode: true, displayName: true }, orderBy: { displayName: "asc" } }),
    db().child.groupBy({ by: ["areaCode"], where: active, _count: { _all: true }, _max: { createdAt: true } }),
    db().child.groupBy({ by: ["areaCode"], where: { AND: [active, workListWhere("overdue", today)] }, _count: { _all: true } }),
    db().child.groupBy({ by: ["areaCode"], where: { AND: [active, workListWhere("missing-data", today)] }, _count: { _all: true } }),
    db().referral.groupBy({ by: ["areaCode"], where: { ...scope, status: OPEN_REFERRAL }, _count: { _all: true } }),
    db().visit.groupBy({ by: ["areaCode"], where: scope, _max: { visitedOn: true } }),
  ]);
  const directorsAt = new Map<string, string[]>();
  for (const d of directors) directorsAt.set(d.areaCode, [...(directorsAt.get(d.areaCode) ?? []), d.displayName]);
  const registered = new Map(children.map((r) => [r.areaCode, r]));
  const [overdueAt, missingAt, referralsAt] = [countsByArea(overdue), countsByArea(missing), countsByArea(referrals)];
  const visitedAt = new Map(visits.map((r) => [r.areaCode, r._max.visitedOn]));
  return villages.map((village) => {
    const created = registered.get(village.code)?._max.createdAt;
    const visited = visitedAt.get(village.code);
    const days = [created ? todayInChina(created) : null, visited ? isoDate(visited) : null].filter((d): d is string => d !== null);
    return {
      code: village.code,
      name: shortAreaName(village.name),
      directorNames: directorsAt.get(village.code) ?? [],
      children: registered.get(village.code)?._count._all ?? 0,
      overdueVisits: overdueAt.get(village.code) ?? 0,
      openReferrals: referralsAt.get(village.code) ?? 0,
      missingData: missingAt.get(village.code) ?? 0,
      lastActivity: days.sort().at(-1) ?? null,
    };
  });
}

export type RecentVisit = {
  id: string;
  childId: string;
  childName: string;
  areaName: string;
  visitedOn: string;
  riskLevel: RiskLevelName;
  directorName: string | null;
};

/** The latest visits in the township, for the supervisor's review of her directors' work. */
export async function listRecentVisits(actor: Actor, take = 10): Promise<RecentVisit[]> {
  await assertCan(actor, "read", "aggregate");
  await assertCan(actor, "list", "visit");
  const rows = await db().visit.findMany({
    where: scopeWhere(actor),
    select: { id: true, visitedOn: true, riskLevel: true, createdById: true, child: { select: { id: true, name: true, areaName: true } } },
    orderBy: [{ visitedOn: "desc" }, { createdAt: "desc" }],
    take: Math.min(take, 50),
  });
  const ids = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => id !== null))];
  const users = await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } });
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  return rows.map((r) => ({
    id: r.id,
    childId: r.child.id,
    childName: r.child.name,
    areaName: shortAreaName(r.child.areaName),
    visitedOn: isoDate(r.visitedOn),
    riskLevel: r.riskLevel,
    directorName: r.createdById ? (names.get(r.createdById) ?? null) : null,
  }));
}
