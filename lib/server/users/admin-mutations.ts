import "server-only";
import { CASE_ROLES, type RoleName } from "@/lib/domain/roles";
import type { HivAccessInput, UpdateUserInput, UserRefInput } from "@/lib/schemas/admin-user";
import type { Operation } from "../access/policy";
import { writeAudit } from "../audit";
import { hashPassword } from "../auth/passwords";
import { db, type Tx } from "../db";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { decryptOptional, encryptOptional } from "../field-crypto";
import type { Actor } from "../session";
import { assertUserAdmin, canManageAccount, managedUserWhere } from "./admin-scope";
import { generateTemporaryPassword } from "./temporary-password";

type Details = Record<string, string | boolean>;
type Target = { id: string; areaCode: string; role: RoleName; displayName: string; phone: string | null };
type Change = {
  action: Extract<Operation, "update" | "close">;
  /** What changed, for the audit row: never a password, a secret or a value of personal data. */
  details: Details | ((target: Target) => Details);
  data: Record<string, unknown>;
  endSessions?: boolean;
  /** Checks on the account itself (e.g. HIV permission only for case roles): the refusal, or nothing to go on. */
  check?: (target: Target) => Error | undefined;
  /** More writes in the same transaction (e.g. deleting recovery codes). */
  also?: (tx: Tx, target: Target) => Promise<unknown>;
};

/** Access follows the account: ending its sessions makes its next request anonymous at once. */
function revokeSessions(tx: Tx, userId: string) {
  return tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * One change to one account within the administrator's reach (canManageAccount), on the version she saw,
 * with its audit row in the same transaction. Any other account (another jurisdiction's, a peer or wider
 * administrator's or auditor's, her own) is not found; a refused check is a field error. Both refusals
 * are audited DENIED and committed before the error is thrown.
 */
async function changeUser(actor: Actor, input: UserRefInput, change: Change): Promise<void> {
  await assertUserAdmin(actor, change.action, input.userId);
  const refusal = await db().$transaction(async (tx): Promise<Error | null> => {
    const denied = { action: change.action, entity: "user", entityId: input.userId, outcome: "DENIED" } as const;
    const where = { id: input.userId, ...managedUserWhere(actor) };
    const target = await tx.user.findFirst({ where, select: { id: true, areaCode: true, role: true, displayName: true, phone: true } });
    if (!target || !canManageAccount(actor, target)) {
      await writeAudit(tx, actor, denied);
      return new NotFoundError();
    }
    const details = typeof change.details === "function" ? change.details(target) : change.details;
    const refused = change.check?.(target);
    if (refused) {
      await writeAudit(tx, actor, { ...denied, areaCode: target.areaCode, details });
      return refused;
    }
    const updated = await tx.user.updateMany({ where: { ...where, version: input.version }, data: { ...change.data, version: { increment: 1 } } });
    if (updated.count === 0) throw new ConflictError();
    if (change.endSessions) await revokeSessions(tx, target.id);
    await change.also?.(tx, target);
    await writeAudit(tx, actor, { action: change.action, entity: "user", entityId: target.id, areaCode: target.areaCode, details });
    return null;
  });
  // Thrown after the commit, so the DENIED row stays on record.
  if (refusal) throw refusal;
}

/** Name and phone; the audit row says which changed, never the values. */
export async function updateUserProfile(actor: Actor, input: UpdateUserInput): Promise<void> {
  const details = (before: Target) => ({ displayName: before.displayName !== input.displayName, phone: (decryptOptional(before.phone) ?? "") !== input.phone });
  await changeUser(actor, input, { action: "update", details, data: { displayName: input.displayName, phone: encryptOptional(input.phone) } });
}

/** The person leaves: the account stops and every session of it ends now. */
export async function deactivateUser(actor: Actor, input: UserRefInput): Promise<void> {
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
    check: (target) => (input.hivAccess && !CASE_ROLES.includes(target.role) ? new ValidationError({ hivAccess: ["userAdmin.errors.hivRole"] }) : undefined),
  });
}
