import "server-only";
import type { CreateDirectorInput, DirectorRefInput, ReplaceDirectorInput } from "@/lib/schemas/user";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { hashPassword } from "../auth/passwords";
import { writeAudit } from "../audit";
import { db, type Tx } from "../db";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { encryptOptional } from "../field-crypto";
import type { Actor } from "../session";
import { isUniqueViolation } from "../unique-violation";
import { manageableDirectorWhere } from "./directors";
import { generateTemporaryPassword } from "./temporary-password";

export type NewAccount = { userId: string; loginName: string; temporaryPassword: string };
type AccountFields = Pick<CreateDirectorInput, "loginName" | "displayName" | "phone">;

/** Access follows the village: ending the account's sessions makes the next request anonymous at once. */
async function revokeSessions(tx: Tx, userId: string): Promise<void> {
  await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

async function insertDirector(tx: Tx, actor: Actor, areaCode: string, fields: AccountFields, passwordHash: string) {
  const user = await tx.user.create({
    data: { loginName: fields.loginName, displayName: fields.displayName, phone: encryptOptional(fields.phone), role: "VILLAGE_DIRECTOR", areaCode, passwordHash, mustChangePassword: true },
    select: { id: true, loginName: true },
  });
  await writeAudit(tx, actor, { action: "create", entity: "user", entityId: user.id, areaCode, details: { role: "VILLAGE_DIRECTOR", loginName: user.loginName } });
  return user;
}

/** A taken login name is the supervisor's to fix, not an internal error. */
async function withUniqueLogin<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ loginName: ["directors.errors.loginTaken"] });
    throw error;
  }
}

/** A director's account for a village of the actor's jurisdiction, with a temporary password shown once. */
export async function createDirector(actor: Actor, input: CreateDirectorInput): Promise<NewAccount> {
  await assertCan(actor, "create", "user");
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const user = await withUniqueLogin(() =>
    db().$transaction(async (tx) => {
      const inScope = { code: { startsWith: scopeWhere(actor).areaCode.startsWith } };
      const village = await tx.adminArea.findFirst({ where: { code: input.areaCode, level: "VILLAGE", validTo: null, AND: [inScope] }, select: { code: true } });
      if (!village) {
        await writeAudit(tx, actor, { action: "create", entity: "user", outcome: "DENIED", details: { areaCode: input.areaCode, role: "VILLAGE_DIRECTOR" } });
        return null;
      }
      return insertDirector(tx, actor, village.code, input, passwordHash);
    }),
  );
  if (!user) throw new NotFoundError();
  return { userId: user.id, loginName: user.loginName, temporaryPassword };
}

type Change = { action: "update" | "close"; details: Record<string, string | boolean> };

/**
 * Finds one manageable account (else a denied audit row and NotFound, committed on purpose) and applies a
 * conditional update on its version, in the caller's transaction.
 */
async function changeDirector(tx: Tx, actor: Actor, input: DirectorRefInput, change: Change, data: Record<string, unknown>, extra: object = {}) {
  const user = await tx.user.findFirst({ where: { id: input.userId, ...manageableDirectorWhere(actor) }, select: { id: true, areaCode: true } });
  if (!user) {
    await writeAudit(tx, actor, { action: change.action, entity: "user", entityId: input.userId, outcome: "DENIED", details: change.details });
    return null;
  }
  const updated = await tx.user.updateMany({ where: { id: user.id, version: input.version, ...manageableDirectorWhere(actor), ...extra }, data: { ...data, version: { increment: 1 } } });
  if (updated.count === 0) throw new ConflictError();
  await writeAudit(tx, actor, { action: change.action, entity: "user", entityId: user.id, areaCode: user.areaCode, details: change.details });
  return user;
}

/** The director leaves: the account stops and every session of hers ends now. */
export async function deactivateDirector(actor: Actor, input: DirectorRefInput): Promise<void> {
  await assertCan(actor, "close", "user");
  const found = await db().$transaction(async (tx) => {
    const user = await changeDirector(tx, actor, input, { action: "close", details: { isActive: false } }, { isActive: false }, { isActive: true });
    if (user) await revokeSessions(tx, user.id);
    return !!user;
  });
  if (!found) throw new NotFoundError();
}

/** A director comes back to her village: the account works again with its old password. */
export async function reactivateDirector(actor: Actor, input: DirectorRefInput): Promise<void> {
  await assertCan(actor, "update", "user");
  const found = await db().$transaction((tx) => changeDirector(tx, actor, input, { action: "update", details: { isActive: true } }, { isActive: true }, { isActive: false }));
  if (!found) throw new NotFoundError();
}

/** A forgotten password: a new temporary one (shown once), changed at next login; open sessions end. */
export async function resetDirectorPassword(actor: Actor, input: DirectorRefInput): Promise<{ temporaryPassword: string }> {
  await assertCan(actor, "update", "user");
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const found = await db().$transaction(async (tx) => {
    const data = { passwordHash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null };
    const user = await changeDirector(tx, actor, input, { action: "update", details: { passwordReset: true } }, data);
    if (user) await revokeSessions(tx, user.id);
    return !!user;
  });
  if (!found) throw new NotFoundError();
  return { temporaryPassword };
}

/** Handover in one step: the old director's account ends and a new one starts for the same village. */
export async function replaceDirector(actor: Actor, input: ReplaceDirectorInput): Promise<NewAccount> {
  await assertCan(actor, "close", "user");
  await assertCan(actor, "create", "user");
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const user = await withUniqueLogin(() =>
    db().$transaction(async (tx) => {
      const old = await changeDirector(tx, actor, input, { action: "close", details: { isActive: false, replaced: true } }, { isActive: false }, { isActive: true });
      if (!old) return null;
      await revokeSessions(tx, old.id);
      return insertDirector(tx, actor, old.areaCode, input, passwordHash);
    }),
  );
  if (!user) throw new NotFoundError();
  return { userId: user.id, loginName: user.loginName, temporaryPassword };
}
