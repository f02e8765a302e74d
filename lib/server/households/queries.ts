import "server-only";
import { isUuid } from "@/lib/domain/ids";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { Actor } from "../session";
import { householdSelect, toHouseholdDto, type HouseholdDto } from "./dto";

/** One household with its guardians and children; reads are audited, out of scope is not found (and DENIED). */
export async function getHousehold(actor: Actor, householdId: string): Promise<HouseholdDto> {
  await assertCan(actor, "read", "household");
  const found = await db().$transaction(async (tx) => {
    const row = isUuid(householdId)
      ? await tx.household.findFirst({ where: { id: householdId, ...scopeWhere(actor) }, select: householdSelect })
      : null;
    if (!row) {
      await writeAudit(tx, actor, { action: "read", entity: "household", entityId: householdId.slice(0, 64), outcome: "DENIED" });
      return null;
    }
    await writeAudit(tx, actor, { action: "read", entity: "household", entityId: row.id, areaCode: row.areaCode });
    return toHouseholdDto(row, actor.role);
  });
  // Thrown after the commit, so the DENIED row above is kept.
  if (!found) throw new NotFoundError();
  return found;
}
