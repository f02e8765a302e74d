import "server-only";
import { shortAreaName } from "@/lib/domain/area-code";
import { ageOn, dateValue, isoDate, todayInChina } from "@/lib/domain/dates";
import { normaliseIdNumber } from "@/lib/domain/id-number";
import { nameKeys } from "@/lib/domain/pinyin";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { db, type Tx } from "../db";
import { DomainError } from "../errors";
import { blindIndex } from "../field-crypto";
import type { Actor } from "../session";

/** `closed`: the file on record was closed (a child who came back): open it again instead of a new one. */
export type DuplicateCandidate = { id: string; name: string; age: number; dateOfBirth: string; areaName: string; closed: boolean };
export type DuplicateReport = { idMatch: { id: string; name: string; closed: boolean } | null; candidates: DuplicateCandidate[] };
export type DuplicateQuery = { name: string; dateOfBirth: string; idNumber?: string; excludeChildId?: string };

/** The same ID number is already on file: one child, one file (一人一档). Carries the existing file's id. */
export class DuplicateIdError extends DomainError {
  constructor(readonly existingChildId: string) {
    super("CONFLICT", "registration.errors.idExists", { idNumber: ["registration.errors.idExists"] });
  }
}

/** Likely the same child (name or its pinyin/initials, born within a year): the director must confirm. */
export class LikelyDuplicateError extends DomainError {
  constructor(readonly candidates: DuplicateCandidate[]) {
    super("VALIDATION", "registration.errors.likelyDuplicate", { confirmDuplicate: ["registration.errors.likelyDuplicate"] });
  }
}

const YEAR_MS = 365 * 86_400_000;

/**
 * Serialises registrations of the same ID number until commit, so two directors saving the same child
 * at the same moment cannot both pass the duplicate check (an ID is unique only within a jurisdiction's
 * files, so there is no unique index: a child moving villages is a transfer, not a clash).
 */
export async function lockIdNumber(tx: Tx, idNumber: string | undefined): Promise<void> {
  if (!idNumber) return;
  const key = blindIndex(normaliseIdNumber(idNumber));
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

/** Searches inside the actor's jurisdiction only: a child elsewhere is neither revealed nor matched. */
export async function findDuplicatesIn(client: Pick<Tx, "child">, actor: Actor, query: DuplicateQuery): Promise<DuplicateReport> {
  const notSelf = query.excludeChildId ? { id: { not: query.excludeChildId } } : {};
  const id = query.idNumber ? normaliseIdNumber(query.idNumber) : "";
  const idRow = id
    ? await client.child.findFirst({ where: { ...scopeWhere(actor), ...notSelf, idNumberHash: blindIndex(id) }, select: { id: true, name: true, status: true } })
    : null;
  const idMatch = idRow ? { id: idRow.id, name: idRow.name, closed: idRow.status === "CLOSED" } : null;
  const keys = nameKeys(query.name);
  const dob = dateValue(query.dateOfBirth).getTime();
  const sameName = [
    { name: query.name },
    // Names without a pinyin reading have empty keys, which must not match every other such name.
    ...(keys.namePinyin ? [{ namePinyin: keys.namePinyin }] : []),
    ...(keys.nameInitials ? [{ nameInitials: keys.nameInitials }] : []),
  ];
  const rows = await client.child.findMany({
    where: {
      ...scopeWhere(actor),
      ...notSelf,
      OR: sameName,
      dateOfBirth: { gte: new Date(dob - YEAR_MS), lte: new Date(dob + YEAR_MS) },
    },
    select: { id: true, name: true, dateOfBirth: true, areaName: true, status: true },
    orderBy: { dateOfBirth: "asc" },
    take: 20,
  });
  const today = todayInChina();
  return {
    idMatch,
    candidates: rows
      .filter((r) => r.id !== idMatch?.id)
      .map((r) => ({
        id: r.id,
        name: r.name,
        dateOfBirth: isoDate(r.dateOfBirth),
        age: ageOn(isoDate(r.dateOfBirth), today),
        areaName: shortAreaName(r.areaName),
        closed: r.status === "CLOSED",
      })),
  };
}

/** The search the registration form runs before saving (and createChild runs again inside its transaction). */
export async function findLikelyDuplicates(actor: Actor, query: DuplicateQuery): Promise<DuplicateReport> {
  await assertCan(actor, "create", "child");
  return findDuplicatesIn(db(), actor, query);
}
