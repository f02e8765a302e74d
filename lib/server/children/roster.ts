import "server-only";
import { codeOfPrefix, shortAreaName } from "@/lib/domain/area-code";
import { visibleCategories, type ChildCategoryName, type RiskLevelName } from "@/lib/domain/categories";
import { ageOn, isoDate, todayInChina } from "@/lib/domain/dates";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db } from "../db";
import { ForbiddenError } from "../errors";
import { decryptOptional } from "../field-crypto";
import { maskPhone } from "../households/dto";
import type { Actor } from "../session";

export type RosterRow = {
  id: string;
  name: string;
  sex: "MALE" | "FEMALE";
  dateOfBirth: string;
  age: number;
  areaName: string;
  categories: ChildCategoryName[];
  guardian: { name: string; relationship: string; phone: string | null } | null;
  riskLevel: RiskLevelName | null;
  nextVisitOn: string | null;
};

/** `truncated`: more children than one printout holds; `total` is how many there are in all. */
export type Roster = { areaName: string; generatedOn: string; rows: RosterRow[]; total: number; truncated: boolean };

// A printed roster is a bulk export (domain.md "approval for bulk export"): a village's or a township's,
// never a county's, until an approval step exists.
const MAX_ROWS = 3000;

export function canPrintRoster(actor: Actor): boolean {
  return actor.scopePrefix.length >= 9;
}

/** Printed rosters always mask phones (stored encrypted: decrypted only to mask). */
function maskedPhone(stored: string | null): string | null {
  const phone = decryptOptional(stored);
  return phone ? maskPhone(phone) : null;
}

/** 花名册: the ACTIVE children (at most `limit`, capped at MAX_ROWS) of the actor's village or township; each generation is one audit row. */
export async function listRoster(actor: Actor, limit = MAX_ROWS): Promise<Roster> {
  const take = Math.min(limit, MAX_ROWS);
  await assertCan(actor, "list", "child");
  if (!canPrintRoster(actor)) throw new ForbiddenError();
  const code = codeOfPrefix(actor.scopePrefix);
  const { area, rows, total } = await db().$transaction(async (tx) => {
    // One transaction is one connection: its queries run one after another.
    const area = await tx.adminArea.findUnique({ where: { code }, select: { name: true } });
    const rows = await tx.child.findMany({
      where: { ...scopeWhere(actor), status: "ACTIVE" },
      select: {
        id: true,
        name: true,
        sex: true,
        dateOfBirth: true,
        areaName: true,
        riskLevel: true,
        nextVisitOn: true,
        categories: { where: { endDate: null }, select: { category: true }, orderBy: { startDate: "asc" } },
        household: {
          select: {
            guardians: {
              select: { name: true, relationship: true, phone: true, isEntrusted: true },
              orderBy: [{ isEntrusted: "desc" }, { createdAt: "asc" }],
              take: 1,
            },
          },
        },
      },
      orderBy: [{ areaCode: "asc" }, { namePinyin: "asc" }, { name: "asc" }],
      take,
    });
    const total = rows.length < take ? rows.length : await tx.child.count({ where: { ...scopeWhere(actor), status: "ACTIVE" } });
    await writeAudit(tx, actor, { action: "print", entity: "child", areaCode: code, details: { count: rows.length, total, kind: "roster" } });
    return { area, rows, total };
  });
  const today = todayInChina();
  return {
    areaName: area ? shortAreaName(area.name) : code,
    generatedOn: today,
    total,
    truncated: total > rows.length,
    rows: rows.map((row) => {
      const dob = isoDate(row.dateOfBirth);
      const guardian = row.household.guardians[0];
      return {
        id: row.id,
        name: row.name,
        sex: row.sex,
        dateOfBirth: dob,
        age: ageOn(dob, today),
        areaName: shortAreaName(row.areaName),
        // Printed lists never carry specially protected categories (domain.md: HIV_AFFECTED).
        categories: visibleCategories(row.categories, false).map((c) => c.category),
        guardian: guardian ? { name: guardian.name, relationship: guardian.relationship, phone: maskedPhone(guardian.phone) } : null,
        riskLevel: row.riskLevel,
        nextVisitOn: row.nextVisitOn ? isoDate(row.nextVisitOn) : null,
      };
    }),
  };
}
