import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "@/lib/domain/dates";
import { addCalendarDays } from "@/lib/domain/working-days";
import { makeIdNumber } from "@/lib/domain/id-number";
import { createChildSchema, updateChildSchema } from "@/lib/schemas/child";
import { createApplicationSchema, transitionEntitlementSchema } from "@/lib/schemas/entitlement";
import { householdSchema, updateHouseholdSchema } from "@/lib/schemas/household";
import { createReferralSchema, updateReferralSchema } from "@/lib/schemas/referral";
import { createChild, updateChild } from "@/lib/server/children/registration";
import { db, disconnectDb } from "@/lib/server/db";
import { createApplication } from "@/lib/server/entitlements/create";
import { transitionEntitlement } from "@/lib/server/entitlements/transition";
import { ConflictError } from "@/lib/server/errors";
import { decryptField } from "@/lib/server/field-crypto";
import { createHousehold, updateHousehold } from "@/lib/server/households/mutations";
import { createReferral, updateReferral } from "@/lib/server/referrals/mutations";
import type { Actor } from "@/lib/server/session";
import { recordVisit } from "@/lib/server/visits/mutations";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { makeEntitlement } from "../factories/entitlements";
import { visitInput } from "../factories/visits";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

// Issue 7, "Lost updates": two sessions edit one record at once; a save either lands on the version it
// read or is refused as a conflict. Each attempt reads the version and then writes a value of its own.
const VILLAGE = "622921103201";
const TOWNSHIP = "622921103000";
const ATTEMPTS = 50;
const today = todayInChina();
const DOB = addCalendarDays(today, -9 * 366);

let village: { code: string; name: string };
let director: Actor;
let secondDirector: Actor;

const HOUSEHOLD = {
  address: "3组12号",
  memberCount: "4",
  incomeSource: "MIGRANT_WORK",
  fatherStatus: "WORKING_AWAY",
  fatherWhereabouts: "广东东莞",
  fatherPhone: "13800138000",
  motherStatus: "AT_HOME",
  guardianName: "马桂兰",
  guardianRelationship: "祖母",
  guardianAge: "66",
  guardianCanCare: "on",
  guardianPhone: "13912345678",
  confirmationSigned: "on",
  confirmationSignedOn: "2025-02-01",
};

beforeAll(async () => {
  village = await makeVillage(VILLAGE);
  director = await actorFor("VILLAGE_DIRECTOR", VILLAGE);
  secondDirector = await actorFor("VILLAGE_DIRECTOR", VILLAGE);
});

type Saved = { readVersion: number; value: string };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * ATTEMPTS saves at once, alternating between the two sessions; each reads the version, then writes.
 * Ten staggered waves of five: saves of one wave race on the same version, later waves read newer ones.
 */
async function race(readVersion: () => Promise<number>, save: (actor: Actor, version: number, value: string) => Promise<unknown>) {
  const outcomes = await Promise.allSettled(
    Array.from({ length: ATTEMPTS }, async (_, i): Promise<Saved> => {
      await pause((i % 10) * 40);
      const version = await readVersion();
      const value = `第${i}次保存`;
      await save(i % 2 === 0 ? director : secondDirector, version, value);
      return { readVersion: version, value };
    }),
  );
  const saved = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
  const errors = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as unknown] : []));
  return { saved, errors };
}

/** The invariants of "no lost update"; returns the save that must be on the row now. */
function expectNoLostUpdate({ saved, errors }: { saved: Saved[]; errors: unknown[] }, initial: number, final: number): Saved {
  expect(errors.filter((e) => !(e instanceof ConflictError))).toEqual([]);
  expect(saved.length + errors.length).toBe(ATTEMPTS);
  expect(errors.length).toBeGreaterThan(0);
  // One success per version: a second save on a version already taken would be a silent overwrite.
  const read = saved.map((s) => s.readVersion).sort((a, b) => a - b);
  expect(read).toEqual(Array.from({ length: final - initial }, (_, i) => initial + i));
  return saved.reduce((last, s) => (s.readVersion > last.readVersion ? s : last));
}

const successes = (entity: string, entityId: string, action = "update") =>
  db().auditEvent.count({ where: { entity, entityId, action, outcome: "SUCCESS" } });

describe("fifty parallel edits from two sessions lose no update", () => {
  it("a child's file: every save lands on the version it read or is refused as a conflict", async () => {
    const { id: householdId } = await createHousehold(director, householdSchema.parse({ ...HOUSEHOLD, requestId: crypto.randomUUID() }));
    const fields = {
      name: "马小花",
      sex: "FEMALE",
      dateOfBirth: DOB,
      hukouStatus: "RURAL",
      schoolStage: "PRIMARY",
      schoolName: "沙窝小学",
      livingArrangement: "GRANDPARENTS",
      consentBasis: "GUARDIAN_CONSENT",
      consentGivenBy: "马桂兰",
      consentOn: "2025-02-01",
    };
    const idNumber = makeIdNumber("622921", DOB, 321, "FEMALE");
    const { childId } = await createChild(director, createChildSchema.parse({ ...fields, householdId, idNumber, requestId: crypto.randomUUID(), categories: [] }));
    const version = async () => (await db().child.findUniqueOrThrow({ where: { id: childId }, select: { version: true } })).version;
    const initial = await version();

    const result = await race(version, (actor, v, value) =>
      updateChild(actor, updateChildSchema.parse({ ...fields, childId, version: v, idNumber: "", categories: [], schoolName: value })),
    );

    const final = await version();
    const last = expectNoLostUpdate(result, initial, final);
    expect((await db().child.findUniqueOrThrow({ where: { id: childId } })).schoolName).toBe(last.value);
    expect(await successes("child", childId)).toBe(result.saved.length);
  });

  it("a household: every save lands on the version it read or is refused as a conflict", async () => {
    const { id: householdId } = await createHousehold(director, householdSchema.parse({ ...HOUSEHOLD, requestId: crypto.randomUUID() }));
    const version = async () => (await db().household.findUniqueOrThrow({ where: { id: householdId }, select: { version: true } })).version;
    const initial = await version();

    const result = await race(version, (actor, v, value) => updateHousehold(actor, updateHouseholdSchema.parse({ ...HOUSEHOLD, householdId, version: v, address: value })));

    const final = await version();
    const last = expectNoLostUpdate(result, initial, final);
    const row = await db().household.findUniqueOrThrow({ where: { id: householdId }, include: { guardians: true } });
    expect(decryptField(row.address)).toBe(last.value);
    expect(row.guardians).toHaveLength(1);
    expect(await successes("household", householdId)).toBe(result.saved.length);
  });

  it("a referral draft: every save lands on the version it read or is refused as a conflict", async () => {
    const child = await makeChild({ village });
    const draft = { type: "HEALTH", agency: "县人民医院", reason: "视力下降，需要检查" };
    const { referralId } = await createReferral(director, createReferralSchema.parse({ ...draft, childId: child.id }));
    const version = async () => (await db().referral.findUniqueOrThrow({ where: { id: referralId }, select: { version: true } })).version;
    const initial = await version();

    const result = await race(version, (actor, v, value) => updateReferral(actor, updateReferralSchema.parse({ ...draft, referralId, version: v, reason: value })));

    const final = await version();
    const last = expectNoLostUpdate(result, initial, final);
    expect((await db().referral.findUniqueOrThrow({ where: { id: referralId } })).reason).toBe(last.value);
    expect(await successes("referral", referralId)).toBe(result.saved.length);
  });

  it("an entitlement: of fifty officers moving one application from the same version, exactly one wins", async () => {
    const child = await makeChild({ village, categories: [{ category: "ORPHAN" }] });
    const entitlement = await makeEntitlement({ child, status: "APPLIED" });
    const officers = [await actorFor("TOWNSHIP_SUPERVISOR", TOWNSHIP), await actorFor("TOWNSHIP_SUPERVISOR", TOWNSHIP)];
    // Half check the documents, half send the application back: both moves are allowed from APPLIED.
    const moves = Array.from({ length: ATTEMPTS }, (_, i) =>
      i % 2 === 0 ? { to: "CHECKED" as const, note: "" } : { to: "RETURNED" as const, note: `第${i}次退回` },
    );
    const outcomes = await Promise.allSettled(
      moves.map((move, i) =>
        transitionEntitlement(officers[i % 2]!, transitionEntitlementSchema.parse({ entitlementId: entitlement.id, version: entitlement.version, month: "", ...move })),
      ),
    );

    const won = outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [moves[i]!] : []));
    const errors = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(errors.filter((e) => !(e instanceof ConflictError))).toEqual([]);
    const row = await db().entitlement.findUniqueOrThrow({ where: { id: entitlement.id } });
    expect(row).toMatchObject({ status: won[0]!.to, version: entitlement.version + 1 });
    const events = await db().entitlementEvent.findMany({ where: { entitlementId: entitlement.id, fromStatus: "APPLIED" } });
    expect(events.map((e) => [e.toStatus, e.note ?? ""])).toEqual([[won[0]!.to, won[0]!.note]]);
    expect(await successes("entitlement", entitlement.id)).toBe(1);
  });
});

describe("two sessions submitting one form at the same moment save one row", () => {
  it("a household", async () => {
    const input = householdSchema.parse({ ...HOUSEHOLD, address: "并发1组1号", requestId: crypto.randomUUID() });
    const [a, b] = await Promise.all([createHousehold(director, input), createHousehold(secondDirector, input)]);
    expect(a.id).toBe(b.id);
    expect(await db().household.count({ where: { clientRequestId: input.requestId } })).toBe(1);
    expect(await db().guardian.count({ where: { householdId: a.id } })).toBe(1);
    expect(await successes("household", a.id, "create")).toBe(1);
  });

  it("a visit", async () => {
    const child = await makeChild({ village });
    const input = visitInput({ childId: child.id, visitedOn: today, riskLevel: "GREEN" });
    const [a, b] = await Promise.all([recordVisit(director, input), recordVisit(secondDirector, input)]);
    expect(a.visitId).toBe(b.visitId);
    expect(await db().visit.count({ where: { childId: child.id } })).toBe(1);
    expect(await successes("visit", a.visitId, "create")).toBe(1);
  });

  it("an entitlement application", async () => {
    const child = await makeChild({
      village,
      dateOfBirth: DOB,
      categories: [{ category: "ORPHAN" }],
      household: { fatherStatus: "DECEASED", motherStatus: "DECEASED" },
    });
    const input = createApplicationSchema.parse({ benefit: "ORPHAN_ALLOWANCE", childId: child.id, requestId: crypto.randomUUID() });
    const [a, b] = await Promise.all([createApplication(director, input), createApplication(secondDirector, input)]);
    expect(a.entitlementId).toBe(b.entitlementId);
    expect(await db().entitlement.count({ where: { childId: child.id } })).toBe(1);
    expect(await db().entitlementEvent.count({ where: { entitlementId: a.entitlementId } })).toBe(1);
    expect(await successes("entitlement", a.entitlementId, "create")).toBe(1);
  });
});
