import "server-only";
import type { CreateUserInput } from "@/lib/schemas/admin-user";
import { writeAudit } from "../audit";
import { hashPassword } from "../auth/passwords";
import { db, type Tx } from "../db";
import { ValidationError } from "../errors";
import { encryptOptional } from "../field-crypto";
import { scopePrefixFor, type Actor } from "../session";
import { isUniqueViolation } from "../unique-violation";
import { assertUserAdmin, canManageAccount } from "./admin-scope";
import { generateTemporaryPassword } from "./temporary-password";

export type CreatedUser = { userId: string; loginName: string; temporaryPassword: string };

const AREA_ERROR = { areaCode: ["userAdmin.errors.area"] };

/**
 * The area of a new account: of the role's level (the same rule the session gate applies), on file and
 * current, and within the administrator's reach (canManageAccount: no peer or wider administrator or auditor).
 * Returns the code to store ("" for a national role).
 */
async function checkArea(tx: Tx, actor: Actor, input: CreateUserInput): Promise<string | "denied" | null> {
  const prefix = scopePrefixFor(input.role, input.areaCode);
  if (prefix === null) return null;
  if (!canManageAccount(actor, { role: input.role, areaCode: input.areaCode })) return "denied";
  if (prefix === "") return "";
  const area = await tx.adminArea.findFirst({ where: { code: input.areaCode, validTo: null }, select: { code: true } });
  return area ? area.code : null;
}

/** An account at an area of her jurisdiction (an overseer's only below her level), with a temporary password shown once. */
export async function createUser(actor: Actor, input: CreateUserInput): Promise<CreatedUser> {
  await assertUserAdmin(actor, "create");
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  let created: { id: string; loginName: string } | "denied" | null;
  try {
    created = await db().$transaction(async (tx) => {
      const areaCode = await checkArea(tx, actor, input);
      if (areaCode === "denied") {
        // Committed on purpose: the attempt is on record though nothing is created.
        await writeAudit(tx, actor, { action: "create", entity: "user", outcome: "DENIED", details: { role: input.role, areaCode: input.areaCode } });
        return "denied";
      }
      if (areaCode === null) return null;
      const user = await tx.user.create({
        data: { loginName: input.loginName, displayName: input.displayName, phone: encryptOptional(input.phone), role: input.role, areaCode, passwordHash, mustChangePassword: true },
        select: { id: true, loginName: true },
      });
      await writeAudit(tx, actor, { action: "create", entity: "user", entityId: user.id, areaCode, details: { role: input.role, loginName: user.loginName, areaCode } });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ loginName: ["userAdmin.errors.loginTaken"] });
    throw error;
  }
  // Out of scope and unknown look the same to the client: "no such area for this role".
  if (created === null || created === "denied") throw new ValidationError(AREA_ERROR);
  return { userId: created.id, loginName: created.loginName, temporaryPassword };
}
