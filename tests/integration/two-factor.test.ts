import { beforeAll, describe, expect, it } from "vitest";
import { totpCodeAt } from "@/lib/domain/totp";
import { getOwnAccount } from "@/lib/server/auth/account";
import { confirmTotpEnrolment, disableSecondFactor, prepareTotpEnrolment, verifySecondFactor } from "@/lib/server/auth/second-factor";
import { MAX_FAILED_LOGINS } from "@/lib/server/auth/failures";
import { db, disconnectDb } from "@/lib/server/db";
import { ForbiddenError, ValidationError } from "@/lib/server/errors";
import { closeRateLimitPool } from "@/lib/server/rate-limit";
import { resolveActor, resolvePendingStep } from "@/lib/server/session";
import { makeVillage } from "../factories/areas";
import { FACTORY_PASSWORD, makeUser } from "../factories/users";
import { enableTestTotp, openSession, TEST_TOTP_SECRET } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);
onTestDatabaseClose(closeRateLimitPool);

const COUNTY = "411523000000";
const VILLAGE = "411523101204";

beforeAll(async () => {
  await makeVillage(VILLAGE);
});

async function holderOf(sessionId: string) {
  const holder = await resolvePendingStep(sessionId);
  if (!holder) throw new Error("session did not resolve");
  return holder;
}

async function sessionAudits(userId: string) {
  return db().auditEvent.findMany({ where: { actorId: userId, entity: "session" }, select: { outcome: true, details: true }, orderBy: { id: "asc" } });
}

/** A county officer who went through enrolment; returns her recovery codes. */
async function enrolledOfficer() {
  const user = await makeUser({ role: "COUNTY_OFFICER", areaCode: COUNTY });
  const holder = await holderOf(await openSession(user.id));
  const { secret } = await prepareTotpEnrolment(holder);
  const codes = await confirmTotpEnrolment(holder, totpCodeAt(secret, Date.now()));
  return { user, secret, codes };
}

describe("enrolment, required for county officers and above", () => {
  it("a county officer without a second factor gets no actor (so no data) until she enrols; enrolment is audited", async () => {
    const user = await makeUser({ role: "COUNTY_OFFICER", areaCode: COUNTY });
    const sessionId = await openSession(user.id);
    await expect(resolveActor(sessionId)).resolves.toBeNull();
    const holder = await holderOf(sessionId);
    expect(holder.step).toBe("enrolSecondFactor");

    const enrolment = await prepareTotpEnrolment(holder);
    expect(enrolment.uri).toContain(`secret=${enrolment.secret}`);
    // Reloading the page shows the same secret until it is confirmed.
    expect((await prepareTotpEnrolment(holder)).secret).toBe(enrolment.secret);
    await expect(confirmTotpEnrolment(holder, "000000")).rejects.toMatchObject({ fieldErrors: { code: ["account.twoFactor.wrongCode"] } });
    await expect(resolveActor(sessionId)).resolves.toBeNull();

    const codes = await confirmTotpEnrolment(holder, totpCodeAt(enrolment.secret, Date.now()));
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}$/);
    expect((await resolveActor(sessionId))?.userId).toBe(user.id);

    const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } });
    expect(row.totpEnabledAt).not.toBeNull();
    expect(row.totpSecret).toMatch(/^v1:/);
    expect(row.totpSecret).not.toContain(enrolment.secret);
    const stored = await db().recoveryCode.findMany({ where: { userId: user.id }, select: { codeHash: true } });
    expect(stored).toHaveLength(10);
    expect(stored.map((s) => s.codeHash)).not.toContain(codes[0]);
    const audits = await db().auditEvent.findMany({ where: { actorId: user.id }, select: { outcome: true, entity: true, details: true }, orderBy: { id: "asc" } });
    expect(audits).toEqual([
      { outcome: "SUCCESS", entity: "user", details: { secondFactor: "pending" } },
      { outcome: "DENIED", entity: "session", details: { step: "enrolSecondFactor", reason: "wrongCode" } },
      { outcome: "SUCCESS", entity: "user", details: { field: "secondFactor", enabled: true, sessionsEnded: 0 } },
    ]);
  });

  it("a village director needs no second factor, but may turn it on and off; a county officer may not turn it off", async () => {
    const director = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: VILLAGE });
    const sessionId = await openSession(director.id);
    const holder = await holderOf(sessionId);
    expect(holder.step).toBeNull();
    const { secret } = await prepareTotpEnrolment(holder);
    await confirmTotpEnrolment(holder, totpCodeAt(secret, Date.now()));
    const actor = (await resolveActor(sessionId))!;
    expect(await getOwnAccount(actor)).toMatchObject({ secondFactorOn: true, secondFactorRequired: false, recoveryCodesLeft: 10 });
    await disableSecondFactor(actor, { currentPassword: FACTORY_PASSWORD });
    expect(await getOwnAccount(actor)).toMatchObject({ secondFactorOn: false, recoveryCodesLeft: 0 });

    const { user: officer } = await enrolledOfficer();
    const officerActor = (await resolveActor(await openSession(officer.id)))!;
    await expect(disableSecondFactor(officerActor, { currentPassword: FACTORY_PASSWORD })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getOwnAccount(officerActor)).toMatchObject({ secondFactorOn: true });
  });
});

describe("the pending secret belongs to the session that opened enrolment", () => {
  it("another session (say, someone else with the password) gets a new secret, so a copied one can never be confirmed", async () => {
    const user = await makeUser({ role: "COUNTY_OFFICER", areaCode: COUNTY });
    const attacker = await holderOf(await openSession(user.id));
    const copied = (await prepareTotpEnrolment(attacker)).secret;
    const owner = await holderOf(await openSession(user.id));
    const mine = (await prepareTotpEnrolment(owner)).secret;
    expect(mine).not.toBe(copied);
    // The attacker's session no longer owns the pending secret: its code from the copy is refused.
    await expect(confirmTotpEnrolment(attacker, totpCodeAt(copied, Date.now()))).rejects.toMatchObject({ fieldErrors: { code: ["account.twoFactor.wrongCode"] } });
    // Nor can the attacker confirm with a code from the owner's secret (he never saw it, but even so).
    await expect(confirmTotpEnrolment(attacker, totpCodeAt(mine, Date.now()))).rejects.toBeInstanceOf(ValidationError);
    expect((await prepareTotpEnrolment(owner)).secret).toBe(mine);
    const pending = await db().auditEvent.count({ where: { actorId: user.id, entity: "user", details: { equals: { secondFactor: "pending" } } } });
    expect(pending).toBe(2);
  });

  it("confirming enrolment ends the user's other sessions, and only those", async () => {
    const user = await makeUser({ role: "COUNTY_OFFICER", areaCode: COUNTY });
    const other = await openSession(user.id);
    const ownerSession = await openSession(user.id);
    const owner = await holderOf(ownerSession);
    const { secret } = await prepareTotpEnrolment(owner);
    await confirmTotpEnrolment(owner, totpCodeAt(secret, Date.now()));
    await expect(resolvePendingStep(other)).resolves.toBeNull();
    expect((await resolveActor(ownerSession))?.userId).toBe(user.id);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { actorId: user.id, entity: "user", outcome: "SUCCESS" }, orderBy: { id: "desc" }, select: { details: true } });
    expect(audit.details).toEqual({ field: "secondFactor", enabled: true, sessionsEnded: 1 });
  });
});

describe("turning the second factor off", () => {
  it("asks for the current password: a wrong one is refused, audited and counted; the right one ends the other sessions", async () => {
    const director = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: VILLAGE });
    await enableTestTotp(director.id);
    const otherSession = await openSession(director.id);
    const sessionId = await openSession(director.id);
    const actor = (await resolveActor(sessionId))!;
    await expect(disableSecondFactor(actor, { currentPassword: "not-my-password" })).rejects.toMatchObject({
      fieldErrors: { currentPassword: ["account.errors.wrongCurrentPassword"] },
    });
    expect(await getOwnAccount(actor)).toMatchObject({ secondFactorOn: true });
    expect((await db().user.findUniqueOrThrow({ where: { id: director.id }, select: { failedLoginCount: true } })).failedLoginCount).toBe(1);

    await disableSecondFactor(actor, { currentPassword: FACTORY_PASSWORD });
    expect(await getOwnAccount(actor)).toMatchObject({ secondFactorOn: false });
    await expect(resolveActor(otherSession)).resolves.toBeNull();
    expect((await resolveActor(sessionId))?.userId).toBe(director.id);
    const audits = await db().auditEvent.findMany({ where: { actorId: director.id, entity: "user" }, select: { outcome: true, details: true }, orderBy: { id: "asc" } });
    expect(audits).toEqual([
      { outcome: "DENIED", details: { field: "secondFactor", reason: "wrongPassword" } },
      { outcome: "SUCCESS", details: { field: "secondFactor", enabled: false, sessionsEnded: 1 } },
    ]);
  });
});

describe("the second step of a login", () => {
  it("a user with TOTP gets no actor until she enters a current code; the same code is refused a second time", async () => {
    const user = await makeUser({ role: "COUNTY_OFFICER", areaCode: COUNTY });
    await enableTestTotp(user.id);
    const first = await openSession(user.id, { secondFactor: false });
    await expect(resolveActor(first)).resolves.toBeNull();
    expect((await holderOf(first)).step).toBe("verifySecondFactor");

    const code = totpCodeAt(TEST_TOTP_SECRET, Date.now());
    await verifySecondFactor(await holderOf(first), code);
    expect((await resolveActor(first))?.userId).toBe(user.id);

    // Someone who saw the code over her shoulder, within its 30 seconds: refused.
    const second = await openSession(user.id, { secondFactor: false });
    await expect(verifySecondFactor(await holderOf(second), code)).rejects.toMatchObject({ fieldErrors: { code: ["account.twoFactor.reusedCode"] } });
    await expect(resolveActor(second)).resolves.toBeNull();
    expect(await sessionAudits(user.id)).toEqual([
      { outcome: "SUCCESS", details: { step: "secondFactor", method: "totp" } },
      { outcome: "DENIED", details: { step: "secondFactor", method: "totp", reason: "reusedCode" } },
    ]);
  });

  it("a recovery code opens a login once, typed with or without the dash", async () => {
    const { user, codes } = await enrolledOfficer();
    const first = await openSession(user.id, { secondFactor: false });
    await verifySecondFactor(await holderOf(first), codes[0]!);
    expect(await resolveActor(first)).not.toBeNull();

    const second = await openSession(user.id, { secondFactor: false });
    await expect(verifySecondFactor(await holderOf(second), codes[0]!)).rejects.toMatchObject({ fieldErrors: { code: ["account.twoFactor.wrongCode"] } });
    await verifySecondFactor(await holderOf(second), codes[1]!.replace("-", "").toUpperCase());
    expect(await resolveActor(second)).not.toBeNull();
    expect(await db().recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(8);
    const methods = (await sessionAudits(user.id)).map((a) => [a.outcome, (a.details as { method: string }).method]);
    expect(methods).toEqual([["SUCCESS", "recoveryCode"], ["DENIED", "recoveryCode"], ["SUCCESS", "recoveryCode"]]);
  });

  it("five wrong codes lock the account like five wrong passwords; then even a right code is refused", async () => {
    const user = await makeUser({ role: "SYSTEM_ADMIN", areaCode: COUNTY });
    await enableTestTotp(user.id);
    const sessionId = await openSession(user.id, { secondFactor: false });
    const holder = await holderOf(sessionId);
    const wrong = String((Number(totpCodeAt(TEST_TOTP_SECRET, Date.now())) + 500_000) % 1_000_000).padStart(6, "0");
    for (let attempt = 1; attempt < MAX_FAILED_LOGINS; attempt++) {
      await expect(verifySecondFactor(holder, wrong)).rejects.toMatchObject({ fieldErrors: { code: ["account.twoFactor.wrongCode"] } });
    }
    await expect(verifySecondFactor(holder, wrong)).rejects.toMatchObject({ fieldErrors: { code: ["account.errors.locked"] } });
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { lockedUntil: true } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    // The pending session that used up its five codes is ended; a new login's right code meets the lock.
    await expect(resolvePendingStep(sessionId)).resolves.toBeNull();
    const next = await holderOf(await openSession(user.id, { secondFactor: false }));
    await expect(verifySecondFactor(next, totpCodeAt(TEST_TOTP_SECRET, Date.now()))).rejects.toMatchObject({ fieldErrors: { code: ["account.errors.locked"] } });
    await expect(resolveActor(next.sessionId)).resolves.toBeNull();
    expect((await sessionAudits(user.id)).at(-1)).toEqual({ outcome: "DENIED", details: { step: "secondFactor", method: "totp", reason: "locked" } });
  });

  it("every role that must have a second factor gets no actor without it, whatever its area", async () => {
    for (const [role, area] of [["COUNTY_OFFICER", COUNTY], ["PROVINCE_OFFICER", "410000000000"], ["MINISTRY_OFFICER", ""], ["SYSTEM_ADMIN", COUNTY], ["AUDITOR", COUNTY]] as const) {
      const user = await makeUser({ role, areaCode: area });
      await expect(resolveActor(await openSession(user.id)), role).resolves.toBeNull();
    }
  });
});
