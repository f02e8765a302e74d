import "server-only";
import { dateValue, isoDate, todayInChina } from "@/lib/domain/dates";
import { maskIdNumber, validateIdNumber } from "@/lib/domain/id-number";
import { findDuplicatesIn, lockIdNumber, DuplicateIdError } from "../children/duplicates";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import type { Tx } from "../db";
import { ConflictError, ValidationError } from "../errors";
import { blindIndex, encryptField } from "../field-crypto";
import type { Actor } from "../session";

/**
 * A hukou registration obtained through a referral: the new ID number goes on the child's file (checked
 * against her date of birth and sex, and against the other files in scope: one child, one file) and her
 * 无户籍 category ends that day. Runs inside the referral's transaction, so both commit or neither.
 */
export async function writeIdNumberFromReferral(
  tx: Tx,
  actor: Actor,
  input: { childId: string; idNumber: string; day: string; referralId: string },
): Promise<void> {
  const child = await tx.child.findFirst({
    where: { id: input.childId, ...scopeWhere(actor) },
    select: { id: true, name: true, sex: true, dateOfBirth: true, version: true, areaCode: true },
  });
  if (!child) throw new ConflictError("referral.errors.childChanged");
  const checked = validateIdNumber(input.idNumber, { today: todayInChina(), dateOfBirth: isoDate(child.dateOfBirth), sex: child.sex });
  if (!checked.ok) throw new ValidationError({ idNumber: [`referral.errors.idNumberProblem.${checked.problem}`] });
  await lockIdNumber(tx, checked.value);
  const duplicates = await findDuplicatesIn(tx, actor, {
    name: child.name,
    dateOfBirth: isoDate(child.dateOfBirth),
    idNumber: checked.value,
    excludeChildId: child.id,
  });
  if (duplicates.idMatch) throw new DuplicateIdError(duplicates.idMatch.id);
  const updated = await tx.child.updateMany({
    where: { id: child.id, version: child.version, ...scopeWhere(actor) },
    data: {
      idNumberEncrypted: encryptField(checked.value),
      idNumberHash: blindIndex(checked.value),
      idNumberMasked: maskIdNumber(checked.value),
      noIdReason: null,
      version: { increment: 1 },
    },
  });
  if (updated.count === 0) throw new ConflictError("referral.errors.childChanged");
  await tx.childCategory.updateMany({
    where: { childId: child.id, category: "UNREGISTERED", endDate: null },
    data: { endDate: dateValue(input.day) },
  });
  await writeAudit(tx, actor, {
    action: "update",
    entity: "child",
    entityId: child.id,
    areaCode: child.areaCode,
    details: { idNumberFrom: "referral", referralId: input.referralId, unregisteredEndedOn: input.day },
  });
}
