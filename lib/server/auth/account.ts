import "server-only";
import { todayInChina } from "@/lib/domain/dates";
import { SECOND_FACTOR_ROLES } from "@/lib/domain/roles";
import { writeAudit } from "../audit";
import { db } from "../db";
import type { Actor } from "../session";

export type OwnAccount = {
  loginName: string;
  displayName: string;
  passwordChangedOn: string | null;
  secondFactorOn: boolean;
  secondFactorRequired: boolean;
  recoveryCodesLeft: number;
};

/** The signed-in user's own account page; one's own row needs no policy entry. */
export async function getOwnAccount(actor: Actor): Promise<OwnAccount> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { loginName: true, displayName: true, passwordChangedAt: true, totpEnabledAt: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } },
  });
  return {
    loginName: user.loginName,
    displayName: user.displayName,
    passwordChangedOn: user.passwordChangedAt ? todayInChina(user.passwordChangedAt) : null,
    secondFactorOn: user.totpEnabledAt !== null,
    secondFactorRequired: SECOND_FACTOR_ROLES.includes(actor.role),
    recoveryCodesLeft: user._count.recoveryCodes,
  };
}

/** "Sign out everywhere": ends every session of the user, this one included. */
export async function endAllOwnSessions(actor: Actor): Promise<number> {
  return db().$transaction(async (tx) => {
    const ended = await tx.session.updateMany({ where: { userId: actor.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await writeAudit(tx, actor, { action: "logout", entity: "session", entityId: actor.sessionId, details: { allSessions: true, count: ended.count } });
    return ended.count;
  });
}
