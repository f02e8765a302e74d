import "server-only";
import { dateValue, todayInChina } from "@/lib/domain/dates";
import type { HouseholdInput, UpdateHouseholdInput } from "@/lib/schemas/household";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db, type Tx } from "../db";
import { encryptField, encryptOptional } from "../field-crypto";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { isUniqueViolation } from "../unique-violation";
import type { Actor } from "../session";

type HouseholdFields = Omit<HouseholdInput, "requestId">;

function householdData(input: HouseholdFields) {
  const date = (iso: string) => (iso ? dateValue(iso) : null);
  // Whereabouts only mean something while a parent is away; stale text would mislead the file.
  const away = (status: string, text: string) => (status === "WORKING_AWAY" && text ? text : null);
  // Identifiers are encrypted at rest (field-crypto); blank phones stay null.
  return {
    address: encryptField(input.address),
    memberCount: input.memberCount,
    incomeSource: input.incomeSource || null,
    hasDibao: input.hasDibao,
    hasTekun: input.hasTekun,
    isLowIncome: input.isLowIncome,
    fatherStatus: input.fatherStatus,
    fatherWhereabouts: away(input.fatherStatus, input.fatherWhereabouts),
    fatherAwaySince: input.fatherStatus === "WORKING_AWAY" ? date(input.fatherAwaySince) : null,
    fatherPhone: encryptOptional(input.fatherPhone),
    motherStatus: input.motherStatus,
    motherWhereabouts: away(input.motherStatus, input.motherWhereabouts),
    motherAwaySince: input.motherStatus === "WORKING_AWAY" ? date(input.motherAwaySince) : null,
    motherPhone: encryptOptional(input.motherPhone),
  };
}

function guardianData(input: HouseholdFields) {
  const thisYear = Number(todayInChina().slice(0, 4));
  return {
    name: input.guardianName,
    relationship: input.guardianRelationship,
    birthYear: input.guardianAge === "" ? null : thisYear - input.guardianAge,
    health: input.guardianHealth || null,
    canCare: input.guardianCanCare,
    phone: encryptOptional(input.guardianPhone),
    // 委托监护确认书
    confirmationSignedOn: input.confirmationSigned && input.confirmationSignedOn ? dateValue(input.confirmationSignedOn) : null,
  };
}

/** The actor's village, full name as a snapshot (codes and names change yearly; records keep theirs). */
async function ownVillage(actor: Actor): Promise<{ code: string; name: string }> {
  const code = scopeWhere(actor).areaCode.startsWith;
  // Only a village-level actor can own a household: her prefix is the 12-digit village code.
  if (code.length !== 12) throw new ForbiddenError();
  const area = await db().adminArea.findUnique({ where: { code }, select: { name: true } });
  return { code, name: area?.name ?? code };
}

function findCreated(client: Pick<Tx, "household">, actor: Actor, requestId: string): Promise<{ id: string } | null> {
  return client.household.findFirst({ where: { clientRequestId: requestId, ...scopeWhere(actor) }, select: { id: true } });
}

/**
 * A household in the director's own village: the area comes from the actor, never from the form. A
 * retry with the same request id returns the first attempt's household (no second row or audit row).
 */
export async function createHousehold(actor: Actor, input: HouseholdInput): Promise<{ id: string }> {
  await assertCan(actor, "create", "household");
  const area = await ownVillage(actor);
  try {
    return await db().$transaction(async (tx) => {
      const earlier = await findCreated(tx, actor, input.requestId);
      if (earlier) return earlier;
      const household = await tx.household.create({
        data: { ...householdData(input), areaCode: area.code, areaName: area.name, clientRequestId: input.requestId, createdById: actor.userId },
        select: { id: true },
      });
      if (input.guardianName) {
        await tx.guardian.create({ data: { ...guardianData(input), householdId: household.id, areaCode: area.code, isEntrusted: true } });
      }
      await writeAudit(tx, actor, { action: "create", entity: "household", entityId: household.id, areaCode: area.code });
      return household;
    });
  } catch (error) {
    // Two copies of one submission raced: the unique index let one in; that one is the answer.
    const twin = isUniqueViolation(error) ? await findCreated(db(), actor, input.requestId) : null;
    if (!twin) throw error;
    return twin;
  }
}

async function saveEntrustedGuardian(tx: Tx, householdId: string, areaCode: string, input: HouseholdFields) {
  if (!input.guardianName) return;
  const existing = await tx.guardian.findFirst({ where: { householdId, isEntrusted: true }, select: { id: true } });
  if (existing) {
    await tx.guardian.update({ where: { id: existing.id }, data: { ...guardianData(input), version: { increment: 1 } } });
  } else {
    await tx.guardian.create({ data: { ...guardianData(input), householdId, areaCode, isEntrusted: true } });
  }
}

/** Edits a household; a stale version is refused (ConflictError), never overwritten. */
export async function updateHousehold(actor: Actor, input: UpdateHouseholdInput): Promise<{ id: string }> {
  await assertCan(actor, "update", "household");
  const result = await db().$transaction(async (tx) => {
    const found = await tx.household.findFirst({ where: { id: input.householdId, ...scopeWhere(actor) }, select: { id: true, areaCode: true } });
    if (!found) {
      // Committed on purpose: the denied attempt stays in the audit trail.
      await writeAudit(tx, actor, { action: "update", entity: "household", entityId: input.householdId, outcome: "DENIED" });
      return null;
    }
    const updated = await tx.household.updateMany({
      where: { id: found.id, ...scopeWhere(actor), version: input.version },
      data: { ...householdData(input), version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError();
    await saveEntrustedGuardian(tx, found.id, found.areaCode, input);
    await writeAudit(tx, actor, { action: "update", entity: "household", entityId: found.id, areaCode: found.areaCode });
    return { id: found.id };
  });
  if (!result) throw new NotFoundError();
  return result;
}
