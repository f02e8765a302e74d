import crypto from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { encryptPlainIdentifiers } from "../../scripts/lib/encrypt-backfill";
import { todayInChina } from "@/lib/domain/dates";
import { makeIdNumber, maskIdNumber } from "@/lib/domain/id-number";
import { addCalendarDays } from "@/lib/domain/working-days";
import { Prisma } from "@/lib/generated/prisma/client";
import { createChildSchema, duplicateCheckSchema, updateChildSchema } from "@/lib/schemas/child";
import { householdSchema } from "@/lib/schemas/household";
import { transitionReferralSchema } from "@/lib/schemas/referral";
import { findLikelyDuplicates } from "@/lib/server/children/duplicates";
import { createChild, updateChild } from "@/lib/server/children/registration";
import { db, disconnectDb } from "@/lib/server/db";
import { blindIndex, decryptField, isEncrypted } from "@/lib/server/field-crypto";
import { createHousehold } from "@/lib/server/households/mutations";
import { getHousehold } from "@/lib/server/households/queries";
import { transitionReferral } from "@/lib/server/referrals/transition";
import type { Actor } from "@/lib/server/session";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { makeUser } from "../factories/users";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

const databaseUrl = setupTestDatabase();
onTestDatabaseClose(disconnectDb);

// Issue 7: identifiers are encrypted at rest. These tests read the raw tables, as someone holding a copy
// of the database (a backup, a stolen disk) would, and look for the plain values.
const VILLAGE = "622921103301";
const DOB = addCalendarDays(todayInChina(), -9 * 366);
const GUARDIAN_PHONE = "13987650123";
const FATHER_PHONE = "13800765432";
const ADDRESS = "沙窝村7组45号东头第二户";

let director: Actor;
let householdId: string;
/** Every ID number this file put in the database, through registration, an edit and a referral. */
const idNumbers: string[] = [];

const HOUSEHOLD = {
  address: ADDRESS,
  memberCount: "4",
  incomeSource: "MIGRANT_WORK",
  fatherStatus: "WORKING_AWAY",
  fatherWhereabouts: "广东东莞",
  fatherPhone: FATHER_PHONE,
  motherStatus: "AT_HOME",
  guardianName: "马桂兰",
  guardianRelationship: "祖母",
  guardianAge: "66",
  guardianCanCare: "on",
  guardianPhone: GUARDIAN_PHONE,
  confirmationSigned: "on",
  confirmationSignedOn: "2025-02-01",
};

const CHILD = {
  sex: "FEMALE",
  dateOfBirth: DOB,
  hukouStatus: "RURAL",
  schoolStage: "PRIMARY",
  schoolName: "沙窝小学",
  livingArrangement: "GRANDPARENTS",
  consentBasis: "GUARDIAN_CONSENT",
  consentGivenBy: "马桂兰",
  consentOn: "2025-02-01",
  categories: [],
};

/** Every row of every table, as the JSON text PostgreSQL itself renders (all columns, any type). */
async function everyRow(): Promise<{ table: string; row: string }[]> {
  const tables = await db().$queryRaw<{ name: string; ident: string }[]>`
    SELECT table_name AS name, quote_ident(table_name) AS ident
    FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`;
  const rows: { table: string; row: string }[] = [];
  for (const table of tables) {
    // The identifier comes from the catalogue, quoted by PostgreSQL: no input reaches this SQL.
    const found = await db().$queryRaw<{ row: string }[]>`SELECT row_to_json(t)::text AS row FROM ${Prisma.raw(table.ident)} t`;
    rows.push(...found.map((r) => ({ table: table.name, row: r.row })));
  }
  return rows;
}

/** Where `needle` appears in the raw database, as "table: row" lines (empty when nowhere). */
async function whereStored(needles: string[]): Promise<string[]> {
  const rows = await everyRow();
  return rows.filter((r) => needles.some((n) => r.row.toUpperCase().includes(n.toUpperCase()))).map((r) => `${r.table}: ${r.row}`);
}

beforeAll(async () => {
  const village = await makeVillage(VILLAGE);
  director = await actorFor("VILLAGE_DIRECTOR", VILLAGE);
  ({ id: householdId } = await createHousehold(director, householdSchema.parse({ ...HOUSEHOLD, requestId: crypto.randomUUID() })));
  const register = (name: string, idNumber: string) =>
    createChild(director, createChildSchema.parse({ ...CHILD, name, idNumber, householdId, requestId: crypto.randomUUID() }));

  const first = makeIdNumber("622921", DOB, 101, "FEMALE");
  const second = makeIdNumber("622921", DOB, 203, "FEMALE");
  idNumbers.push(first, second);
  const { childId } = await register("马小花", first);
  await register("马小草", second);
  // A duplicate registration is refused; the refusal must not keep the number either.
  await expect(register("马小叶", first)).rejects.toMatchObject({ code: "CONFLICT" });
  await findLikelyDuplicates(director, duplicateCheckSchema.parse({ name: "马小花", dateOfBirth: DOB, idNumber: first }));

  // An edit that corrects the number: the old one must not linger in an audit row.
  const corrected = makeIdNumber("622921", DOB, 305, "FEMALE");
  idNumbers.push(corrected);
  await updateChild(director, updateChildSchema.parse({ ...CHILD, name: "马小花", childId, version: 1, idNumber: corrected }));

  // A number that arrives with a resolved civil registration referral (落户).
  const unregistered = await makeChild({ village, hasIdNumber: false, sex: "FEMALE", dateOfBirth: "2019-05-06" });
  const referral = await db().referral.create({
    data: { childId: unregistered.id, areaCode: VILLAGE, type: "CIVIL_REGISTRATION", agency: "派出所", reason: "无户籍", status: "IN_PROGRESS" },
    select: { id: true },
  });
  const fromReferral = makeIdNumber("622921", "2019-05-06", 407, "FEMALE");
  idNumbers.push(fromReferral);
  await transitionReferral(director, transitionReferralSchema.parse({ referralId: referral.id, version: 1, to: "RESOLVED", outcome: "已落户", idNumber: fromReferral }));
});

describe("ID numbers at rest", () => {
  it("appear nowhere in the raw database, audit details included", async () => {
    expect(await whereStored(idNumbers)).toEqual([]);
    // Not even without the check digit (a number cut to 17 characters is still the person's number).
    expect(await whereStored(idNumbers.map((n) => n.slice(0, 17)))).toEqual([]);
  });

  it("the scan sees the children's and the audit tables, so an empty answer means something", async () => {
    const tables = new Set((await everyRow()).map((r) => r.table));
    expect([...tables]).toEqual(expect.arrayContaining(["children", "audit_events", "households", "guardians", "referrals"]));
    const masks = await whereStored(idNumbers.slice(1).map(maskIdNumber));
    expect(masks.filter((line) => line.startsWith("children:"))).toHaveLength(3);
  });

  it("are stored as field-crypto says: the mask, the keyed hash and a ciphertext that decrypts to the number", async () => {
    const stored = idNumbers.slice(1);
    const rows = await db().child.findMany({
      where: { areaCode: VILLAGE, idNumberHash: { not: null } },
      select: { idNumberEncrypted: true, idNumberHash: true, idNumberMasked: true },
    });
    expect(rows).toHaveLength(stored.length);
    for (const row of rows) {
      const plain = decryptField(row.idNumberEncrypted!);
      expect(stored).toContain(plain);
      expect(row.idNumberHash).toBe(blindIndex(plain));
      expect(row.idNumberHash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.idNumberMasked).toBe(maskIdNumber(plain));
      expect(row.idNumberMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
      expect(row.idNumberEncrypted).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    }
    // A random IV per value: two children's ciphertexts share nothing an observer could match on.
    expect(new Set(rows.map((r) => r.idNumberEncrypted!.split(":")[1])).size).toBe(rows.length);
  });
});

describe("phone numbers and addresses at rest", () => {
  it("guardian and parent phone numbers appear nowhere in the raw database", async () => {
    expect(await whereStored([GUARDIAN_PHONE, FATHER_PHONE])).toEqual([]);
  });

  it("household addresses appear nowhere in the raw database", async () => {
    expect(await whereStored([ADDRESS])).toEqual([]);
  });

  it("the two checks above look for values the household really holds (read back through the data layer)", async () => {
    const household = await getHousehold(director, householdId);
    expect(household.address).toBe(ADDRESS);
    expect(household.father.phone).toBe(FATHER_PHONE);
    expect(household.guardians.map((g) => g.phone)).toEqual([GUARDIAN_PHONE]);
  });
});

/** The backfill as the migration runner calls it, on this file's database. */
async function runBackfill() {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return await encryptPlainIdentifiers(client, databaseUrl());
  } finally {
    await client.end();
  }
}

/** Runs `work` as a server started with another FIELD_ENCRYPTION_KEY (a new URL string starts a new env and pool). */
async function withOtherKey<T>(work: () => Promise<T>): Promise<T> {
  const [key, url] = [process.env.FIELD_ENCRYPTION_KEY, process.env.DATABASE_URL];
  process.env.FIELD_ENCRYPTION_KEY = crypto.randomBytes(32).toString("base64");
  process.env.DATABASE_URL = `${databaseUrl()}?application_name=other-key`;
  try {
    return await work();
  } finally {
    process.env.FIELD_ENCRYPTION_KEY = key;
    process.env.DATABASE_URL = url;
  }
}

describe("the backfill of values stored in plain text by an earlier version", () => {
  const OLD_ADDRESS = "旧版本3组8号";
  const OLD_PHONES = { father: "13700001111", guardian: "13700002222", user: "13700003333" };

  it("encrypts each plain value exactly once, leaves encrypted ones alone and writes one audit row", async () => {
    const village = await makeVillage("622921103302");
    const child = await makeChild({ village });
    const user = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: village.code });
    // As an earlier version left them: plain text, and a blank mother's phone.
    await db().household.update({ where: { id: child.householdId }, data: { address: OLD_ADDRESS, fatherPhone: OLD_PHONES.father, motherPhone: "" } });
    await db().guardian.updateMany({ where: { householdId: child.householdId }, data: { phone: OLD_PHONES.guardian } });
    await db().user.update({ where: { id: user.id }, data: { phone: OLD_PHONES.user } });
    const before = await db().household.findUniqueOrThrow({ where: { id: householdId }, select: { address: true, fatherPhone: true } });

    expect(await runBackfill()).toEqual({ "households.address": 1, "households.father_phone": 1, "households.mother_phone": 0, "guardians.phone": 1, "users.phone": 1 });
    expect(await runBackfill()).toEqual({ "households.address": 0, "households.father_phone": 0, "households.mother_phone": 0, "guardians.phone": 0, "users.phone": 0 });

    expect(await whereStored([OLD_ADDRESS, ...Object.values(OLD_PHONES)])).toEqual([]);
    const row = await db().household.findUniqueOrThrow({ where: { id: child.householdId }, select: { address: true, fatherPhone: true, motherPhone: true, guardians: { select: { phone: true } } } });
    const account = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { phone: true } });
    // Encrypted once: a second pass would have wrapped the ciphertext, which then decrypts to "v1:…".
    expect(decryptField(row.address)).toBe(OLD_ADDRESS);
    expect(decryptField(row.fatherPhone!)).toBe(OLD_PHONES.father);
    expect(decryptField(row.guardians[0]!.phone!)).toBe(OLD_PHONES.guardian);
    expect(decryptField(account.phone!)).toBe(OLD_PHONES.user);
    expect(row.motherPhone).toBe("");
    // What the registration wrote encrypted is byte for byte what it was.
    expect(await db().household.findUniqueOrThrow({ where: { id: householdId }, select: { address: true, fatherPhone: true } })).toEqual(before);
    expect(isEncrypted(before.address)).toBe(true);

    const summaries = await db().auditEvent.findMany({ where: { details: { path: ["kind"], equals: "encrypt-backfill" } }, select: { actorId: true, action: true, entity: true, details: true } });
    expect(summaries).toEqual([
      { actorId: null, action: "update", entity: "household", details: { kind: "encrypt-backfill", encrypted: { "households.address": 1, "households.father_phone": 1, "households.mother_phone": 0, "guardians.phone": 1, "users.phone": 1 } } },
    ]);
  });
});

describe("a server started with the wrong FIELD_ENCRYPTION_KEY", () => {
  it("refuses to show a household instead of showing garbage", async () => {
    await expect(withOtherKey(() => getHousehold(director, householdId))).rejects.toThrow(/does not decrypt: FIELD_ENCRYPTION_KEY/);
    // With the right key the same household reads back.
    expect((await getHousehold(director, householdId)).address).toBe(ADDRESS);
  });

  it("stops the backfill before it writes anything", async () => {
    const village = await makeVillage("622921103303");
    const child = await makeChild({ village });
    await db().household.update({ where: { id: child.householdId }, data: { fatherPhone: "13600004444" } });
    await expect(withOtherKey(runBackfill)).rejects.toThrow(/stopped before writing/);
    const row = await db().household.findUniqueOrThrow({ where: { id: child.householdId }, select: { fatherPhone: true } });
    expect(row.fatherPhone).toBe("13600004444");
    await runBackfill();
  });
});
