import crypto from "node:crypto";
import { totpCodeAt } from "@/lib/domain/totp";
import type { RoleName } from "@/lib/domain/roles";
import { createUserSchema } from "@/lib/schemas/admin-user";
import { verifyRecentChain } from "@/lib/server/audit-events/chain";
import { endAllOwnSessions } from "@/lib/server/auth/account";
import { changeOwnPassword } from "@/lib/server/auth/change-password";
import { unsafeEndSession, unsafeLogin } from "@/lib/server/auth/login";
import { confirmTotpEnrolment, disableSecondFactor, prepareTotpEnrolment, verifySecondFactor } from "@/lib/server/auth/second-factor";
import { db } from "@/lib/server/db";
import { resolveActor, resolvePendingStep } from "@/lib/server/session";
import { createUser } from "@/lib/server/users/admin-create";
import {
  deactivateUser,
  endUserSessions,
  reactivateUser,
  resetSecondFactor,
  resetUserPassword,
  setHivAccess,
  unlockUser,
  updateUserProfile,
} from "@/lib/server/users/admin-mutations";
import { FACTORY_PASSWORD, makeUser } from "../../factories/users";
import { actorFor, enableTestTotp, openSession, TEST_TOTP_SECRET } from "../../support/actors";
import type { Place, Prepared, Scenario } from "./harness";

type Ref = { userId: string; version: number };

/** A session holder as the login steps' actions get it (it may still owe a step, so it is no Actor). */
async function holderOf(userId: string, secondFactor?: boolean) {
  const holder = await resolvePendingStep(await openSession(userId, secondFactor === undefined ? {} : { secondFactor }));
  if (!holder) throw new Error("the session gate refused the test session");
  return holder;
}

async function account(areaCode: string, options: { isActive?: boolean; role?: RoleName } = {}): Promise<Ref> {
  const { id } = await makeUser({ role: options.role ?? "VILLAGE_DIRECTOR", areaCode, isActive: options.isActive ?? true });
  const { version } = await db().user.findUniqueOrThrow({ where: { id }, select: { version: true } });
  return { userId: id, version };
}

const userRow = (id: string) => () =>
  db().user.findUnique({ where: { id }, select: { displayName: true, isActive: true, version: true, passwordHash: true, hivAccess: true, lockedUntil: true, totpEnabledAt: true } });

/**
 * An administrator of the scenario's county changing an account there, and trying the same on one in
 * another province. `isActive: false` for a change that needs a stopped account (reactivation).
 */
function adminChange(change: (actor: Awaited<ReturnType<typeof actorFor>>, ref: Ref) => Promise<unknown>, isActive = true): Scenario {
  return {
    async prepare(place: Place): Promise<Prepared> {
      const actor = await actorFor("SYSTEM_ADMIN", place.county);
      const [own, foreign] = [await account(place.village.code, { isActive }), await account(place.foreign.code, { isActive })];
      return {
        allowed: { actor, run: () => change(actor, own) },
        foreign: { actor, run: () => change(actor, foreign), state: userRow(foreign.userId) },
      };
    },
  };
}

const NEW_PASSWORD = "Quiet-river-lantern-2026";

export const ACCOUNT_SCENARIOS: Record<string, Scenario> = {
  createUser: {
    async prepare(place) {
      const actor = await actorFor("SYSTEM_ADMIN", place.county);
      const input = (areaCode: string) =>
        createUserSchema.parse({ loginName: `audit-${crypto.randomUUID().slice(0, 8)}`, displayName: "李主任", phone: "", role: "VILLAGE_DIRECTOR", areaCode });
      return {
        allowed: { actor, run: () => createUser(actor, input(place.village.code)) },
        foreign: { actor, run: () => createUser(actor, input(place.foreign.code)), state: () => db().user.count({ where: { areaCode: place.foreign.code } }) },
      };
    },
  },
  updateUserProfile: adminChange((actor, ref) => updateUserProfile(actor, { ...ref, displayName: "王主任", phone: "" })),
  deactivateUser: adminChange((actor, ref) => deactivateUser(actor, ref)),
  reactivateUser: adminChange((actor, ref) => reactivateUser(actor, ref), false),
  resetUserPassword: adminChange((actor, ref) => resetUserPassword(actor, ref)),
  endUserSessions: adminChange((actor, ref) => endUserSessions(actor, ref)),
  resetSecondFactor: adminChange((actor, ref) => resetSecondFactor(actor, ref)),
  unlockUser: adminChange((actor, ref) => unlockUser(actor, ref)),
  setHivAccess: adminChange((actor, ref) => setHivAccess(actor, { ...ref, hivAccess: true })),
  changeOwnPassword: {
    withoutId: "changes the signed-in user's own password",
    async prepare(place) {
      const { userId } = await account(place.village.code);
      const holder = await holderOf(userId);
      return { allowed: { actor: holder, run: () => changeOwnPassword(holder, { currentPassword: FACTORY_PASSWORD, newPassword: NEW_PASSWORD }) } };
    },
  },
  confirmTotpEnrolment: {
    withoutId: "turns on the signed-in user's own second factor",
    async prepare(place) {
      const { userId } = await account(place.village.code);
      const holder = await holderOf(userId);
      const { secret } = await prepareTotpEnrolment(holder);
      return { allowed: { actor: holder, run: () => confirmTotpEnrolment(holder, totpCodeAt(secret, Date.now())) } };
    },
  },
  verifySecondFactor: {
    withoutId: "checks the signed-in user's own code at login",
    async prepare(place) {
      const { userId } = await account(place.village.code);
      await enableTestTotp(userId);
      const holder = await holderOf(userId, false);
      return { allowed: { actor: holder, run: () => verifySecondFactor(holder, totpCodeAt(TEST_TOTP_SECRET, Date.now())) } };
    },
  },
  disableSecondFactor: {
    withoutId: "turns off the signed-in user's own second factor",
    async prepare(place) {
      const { userId } = await account(place.village.code);
      await enableTestTotp(userId);
      const actor = await resolveActor(await openSession(userId));
      if (!actor) throw new Error("the session gate refused the test session");
      return { allowed: { actor, run: () => disableSecondFactor(actor, { currentPassword: FACTORY_PASSWORD }) } };
    },
  },
  endAllOwnSessions: {
    withoutId: "ends the signed-in user's own sessions",
    async prepare(place) {
      const actor = await actorFor("VILLAGE_DIRECTOR", place.village.code);
      return { allowed: { actor, run: () => endAllOwnSessions(actor) } };
    },
  },
  unsafeLogin: {
    withoutId: "takes a login name and a password, not a record id (wrong ones are audited DENIED: sessions.test.ts)",
    async prepare(place) {
      const user = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: place.village.code });
      const requestId = crypto.randomUUID();
      return { allowed: { actor: { userId: user.id, requestId }, run: () => unsafeLogin({ loginName: user.loginName, password: FACTORY_PASSWORD, ipAddress: "203.0.113.7", requestId }) } };
    },
  },
  unsafeEndSession: {
    withoutId: "ends the session of the signed cookie (logout)",
    async prepare(place) {
      const { userId } = await account(place.village.code);
      const [sessionId, requestId] = [await openSession(userId), crypto.randomUUID()];
      return { allowed: { actor: { userId, requestId }, run: () => unsafeEndSession(sessionId, requestId) } };
    },
  },
  verifyRecentChain: {
    withoutId: "checks the newest links of the one audit chain",
    async prepare(place) {
      const actor = await actorFor("AUDITOR", place.county);
      return { allowed: { actor, run: () => verifyRecentChain(actor) } };
    },
  },
};
