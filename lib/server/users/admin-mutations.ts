import "server-only";
import { CASE_ROLES, type RoleName } from "@/lib/domain/roles";
import type { HivAccessInput, UpdateUserInput, UserRefInput } from "@/lib/schemas/admin-user";
import type { Operation } from "../access/policy";
import { writeAudit } from "../audit";
import { hashPassword } from "../auth/passwords";
import { db, type Tx } from "../db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { decryptOptional, encryptOptional } from "../field-crypto";
import type { Actor } from "../session";
import { assertUserAdmin, managedUserWhere } from "./admin-scope";
import { generateTemporaryPassword } from "./temporary-password";

type Details = Record<string, string | boolean>;
type Target = { id: string; areaCode: string; role: RoleName; displayName: string; phone: string | null };
type Change = {
  action: Extract<Operation, "update" | "close">;
  /** What changed, for the audit row: never a password, a secret or a value of personal data. */
  details: Details | ((target: Target) => Details);
  data: Record<string, unknown>;
  endSessions?: boolean;
  /** Checks on the account itself (e.g. HIV permission only for case roles); runs before any write. */
  check?: (target: Target) => void;
  /** More writes in the same transaction (e.g. deleting recovery codes). */
  also?: (tx: Tx, target: Target) => Promise<unknown>;
};

/** Access follows the account: ending its sessions makes its next request anonymous at once. */
function revokeSessions(tx: Tx, userId: string) {
  return tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * One change to one account of the jurisdiction, on the version the administrator saw, with its audit
 * row in the same transaction. Another jurisdiction's account is not found (audited DENIED, committed).
 */
async function changeUser(actor: Actor, input: UserRefInput, change: Change): Promise<void> {
  await assertUserAdmin(actor, change.action, input.userId);
  const found = await db().$transaction(async (tx) => {
    const where = { id: input.userId, ...managedUserWhere(actor) };
    const target = await tx.user.findFirst({ where, select: { id: true, areaCode: true, role: true, displayName: true, phone: true } });
    if (!target) {
      await writeAudit(tx, actor, { action: change.action, entity: "user", entityId: input.userId, outcome: "DENIED" });
      return false;
    }
    change.check?.(target);
    const updated = await tx.user.updateMany({ where: { ...where, version: input.version }, data: { ...change.data, version: { increment: 1 } } });
    if (updated.count === 0) throw new ConflictError();
    if (change.endSessions) await revokeSessions(tx, target.id);
    await change.also?.(tx, target);
    const details = typeof change.details === "function" ? change.details(target) : change.details;
    await writeAudit(tx, actor, { action: change.action, entity: "user", entityId: target.id, areaCode: target.areaCode, details });
    return true;
  });
  if (!found) throw new NotFoundError();
}

/** An administrator cannot lock herself out: the refusal is audited like any other. */
async function refuseSelf(actor: Actor, input: UserRefInput, action: Operation, details: Details): Promise<void> {
  if (input.userId !== actor.userId) return;
  await db().$transaction((tx) => writeAudit(tx, actor, { action, entity: "user", entityId: actor.userId, outcome: "DENIED", details }));
  throw new ForbiddenError("userAdmin.errors.self");
}

/** Name and phone; the audit row says which changed, never the values. */
export async function updateUserProfile(actor: Actor, input: UpdateUserInput): Promise<void> {
  const details = (before: Target) => ({ displayName: before.displayName !== input.displayName, phone: (decryptOptional(before.phone) ?? "") !== input.phone });
  await changeUser(actor, input, { action: "update", details, data: { displayName: input.displayName, phone: encryptOptional(input.phone) } });
}

/** The person leaves: the account stops and every session of it ends now. */
export async function deactivateUser(actor: Actor, input: UserRefInput): Promise<void> {
  await assertUserAdmin(actor, "close", input.userId);
  await refuseSelf(actor, input, "close", { isActive: false });
  await changeUser(actor, input, { action: "close", details: { isActive: false, sessions: "ended" }, data: { isActive: false }, endSessions: true });
}

export async function reactivateUser(actor: Actor, input: UserRefInput): Promise<void> {
  await changeUser(actor, input, { action: "update", details: { isActive: true }, data: { isActive: true } });
}

/** A forgotten password: a new temporary one (shown once), changed at next login; open sessions end. */
export async function resetUserPassword(actor: Actor, input: UserRefInput): Promise<{ temporaryPassword: string }> {
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await changeUser(actor, input, {
    action: "update",
    details: { passwordReset: true, sessions: "ended" },
    data: { passwordHash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null },
    endSessions: true,
  });
  return { temporaryPassword };
}

/** A lost or shared phone: every session of the account ends at its next request. */
export async function endUserSessions(actor: Actor, input: UserRefInput): Promise<void> {
  await changeUser(actor, input, { action: "update", details: { sessions: "ended" }, data: {}, endSessions: true });
}

/** A lost authenticator: the next login sets up a new second factor; recovery codes and sessions end. */
export async function resetSecondFactor(actor: Actor, input: UserRefInput): Promise<void> {
  await changeUser(actor, input, {
    action: "update",
    details: { secondFactor: "reset", sessions: "ended" },
    data: { totpSecret: null, totpEnabledAt: null },
    endSessions: true,
    also: (tx, target) => tx.recoveryCode.deleteMany({ where: { userId: target.id } }),
  });
}

/** Ends a lockout after wrong passwords before its 15 minutes are up. */
export async function unlockUser(actor: Actor, input: UserRefInput): Promise<void> {
  await changeUser(actor, input, { action: "update", details: { unlocked: true }, data: { failedLoginCount: 0, lockedUntil: null } });
}

/** The HIV-status permission, on top of scope, for roles that work with children's files only. */
export async function setHivAccess(actor: Actor, input: HivAccessInput): Promise<void> {
  await changeUser(actor, input, {
    action: "update",
    details: { hivAccess: input.hivAccess },
    data: { hivAccess: input.hivAccess },
    check: (target) => {
      if (input.hivAccess && !CASE_ROLES.includes(target.role)) throw new ValidationError({ hivAccess: ["userAdmin.errors.hivRole"] });
    },
  });
}
