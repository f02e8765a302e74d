import "server-only";
import { todayInChina } from "@/lib/domain/dates";
import { normaliseIdNumber } from "@/lib/domain/id-number";
import { pinyinQuery } from "@/lib/domain/pinyin";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CHILD_PAGE_SIZE, type ChildSearch } from "@/lib/schemas/child-search";
import { hasControlChars } from "@/lib/schemas/fields";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { db } from "../db";
import { blindIndex } from "../field-crypto";
import type { Actor } from "../session";
import { workListWhere } from "../workbench/filters";
import { toChildListItem, type ChildListItem } from "./dto";
import { childListSelect } from "./select";

export type ChildSearchResult = { items: ChildListItem[]; total: number; page: number; pageCount: number; pageSize: number };

const IN_SCHOOL = ["PRESCHOOL", "PRIMARY", "JUNIOR_SECONDARY", "SENIOR_SECONDARY", "VOCATIONAL"] as const;

/**
 * What the search box means: a whole ID number (exact, through the keyed hash: nothing is decrypted),
 * the last four characters of one (against the stored mask), a name in pinyin (full or initials, as a
 * prefix), or else part of the name in characters.
 */
function textWhere(text: string): Prisma.ChildWhereInput {
  const id = normaliseIdNumber(text);
  if (/^\d{17}[\dX]$/.test(id)) return { idNumberHash: blindIndex(id) };
  if (/^\d{3}[\dX]$/.test(id)) return { idNumberMasked: { endsWith: id } };
  const key = pinyinQuery(text);
  if (key) return { OR: [{ namePinyin: { startsWith: key } }, { nameInitials: { startsWith: key } }] };
  return { name: { contains: text } };
}

function filterWhere(search: ChildSearch, today: string): Prisma.ChildWhereInput[] {
  const where: Prisma.ChildWhereInput[] = [];
  // A search that skipped the URL parser can still carry control characters: it is the default search.
  if (search.q && !hasControlChars(search.q)) where.push(textWhere(search.q));
  if (search.category) where.push({ categories: { some: { category: search.category, endDate: null } } });
  if (search.risk) where.push({ riskLevel: search.risk === "NONE" ? null : search.risk });
  if (search.school === "IN_SCHOOL") where.push({ schoolStage: { in: [...IN_SCHOOL] } });
  else if (search.school) where.push({ schoolStage: search.school });
  if (search.work) where.push(workListWhere(search.work, today));
  return where;
}

/**
 * One page of the children list, most urgent first: risk red → green → not assessed, then the most
 * overdue visit, then name. Work-list filters show active files only, as the workbench does.
 */
export async function searchChildren(actor: Actor, search: ChildSearch): Promise<ChildSearchResult> {
  await assertCan(actor, "list", "child");
  const today = todayInChina();
  const status = search.work ? "ACTIVE" : search.status;
  const where: Prisma.ChildWhereInput = { AND: [{ ...scopeWhere(actor), status }, ...filterWhere(search, today)] };
  const pageOf = (page: number) =>
    db().child.findMany({
      where,
      select: childListSelect,
      orderBy: [{ riskLevel: { sort: "asc", nulls: "last" } }, { nextVisitOn: { sort: "asc", nulls: "last" } }, { name: "asc" }, { id: "asc" }],
      skip: (page - 1) * CHILD_PAGE_SIZE,
      take: CHILD_PAGE_SIZE,
    });
  const [total, firstTry] = await Promise.all([db().child.count({ where }), pageOf(search.page)]);
  const pageCount = Math.max(1, Math.ceil(total / CHILD_PAGE_SIZE));
  // A page past the end (an old link after files were closed) shows the last page instead of nothing.
  const page = Math.min(search.page, pageCount);
  const rows = page === search.page ? firstTry : await pageOf(page);
  return { items: rows.map((row) => toChildListItem(row, today)), total, page, pageCount, pageSize: CHILD_PAGE_SIZE };
}
