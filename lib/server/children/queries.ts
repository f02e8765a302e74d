import "server-only";
import { todayInChina } from "@/lib/domain/dates";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { db } from "../db";
import type { Actor } from "../session";
import { toChildListItem, type ChildListItem } from "./dto";
import { childListSelect } from "./select";

export type ChildListFilter = { status?: "ACTIVE" | "CLOSED"; take?: number };

/** Children in the actor's jurisdiction, most urgent first (red risk, then earliest visit due). */
export async function listChildren(actor: Actor, filter: ChildListFilter = {}): Promise<ChildListItem[]> {
  await assertCan(actor, "list", "child");
  const rows = await db().child.findMany({
    where: { ...scopeWhere(actor), status: filter.status ?? "ACTIVE" },
    select: childListSelect,
    orderBy: [{ riskLevel: { sort: "asc", nulls: "last" } }, { nextVisitOn: { sort: "asc", nulls: "last" } }, { name: "asc" }],
    take: Math.min(filter.take ?? 200, 500),
  });
  const today = todayInChina();
  return rows.map((row) => toChildListItem(row, today));
}

export async function countChildren(actor: Actor): Promise<{ active: number; overdueVisits: number; redRisk: number }> {
  await assertCan(actor, "list", "child");
  const where = { ...scopeWhere(actor), status: "ACTIVE" as const };
  const today = new Date(`${todayInChina()}T00:00:00.000Z`);
  const [active, overdueVisits, redRisk] = await Promise.all([
    db().child.count({ where }),
    db().child.count({ where: { ...where, nextVisitOn: { lt: today } } }),
    db().child.count({ where: { ...where, riskLevel: "RED" } }),
  ]);
  return { active, overdueVisits, redRisk };
}
