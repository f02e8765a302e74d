import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { householdSchema } from "@/lib/schemas/household";
import { transitionReferralSchema } from "@/lib/schemas/referral";
import { getChildFile } from "@/lib/server/children/file";
import { db, disconnectDb } from "@/lib/server/db";
import { createHousehold } from "@/lib/server/households/mutations";
import { transitionReferral } from "@/lib/server/referrals/transition";
import type { Actor } from "@/lib/server/session";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

const databaseUrl = setupTestDatabase();
onTestDatabaseClose(disconnectDb);

const VILLAGE = "530102003001";
const HOUSEHOLD = {
  address: "3组12号",
  memberCount: "4",
  incomeSource: "MIGRANT_WORK",
  fatherStatus: "WORKING_AWAY",
  fatherWhereabouts: "广东东莞",
  motherStatus: "AT_HOME",
  guardianName: "马桂兰",
  guardianRelationship: "祖母",
  guardianAge: "66",
  guardianCanCare: "on",
  confirmationSigned: "on",
  confirmationSignedOn: "2025-02-01",
};

let superuser: pg.Client;
let director: Actor;
let child: { id: string };

/** Makes the database refuse audit rows matching `condition` (on NEW), as a full disk or a broken trigger would. */
async function refuseAudit(table: "audit_events" | "audit_seals", condition: string): Promise<() => Promise<void>> {
  const name = `refuse_${crypto.randomBytes(4).toString("hex")}`;
  await superuser.query(`
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF ${condition} THEN RAISE EXCEPTION 'test: the audit row cannot be written'; END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}();`);
  return async () => {
    await superuser.query(`DROP TRIGGER ${name} ON ${table}; DROP FUNCTION ${name}();`);
  };
}

const count = async (sql: string, params: unknown[] = []) => Number((await superuser.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${sql}`, params)).rows[0]!.n);

beforeAll(async () => {
  superuser = new pg.Client({ connectionString: databaseUrl() });
  await superuser.connect();
  const village = await makeVillage(VILLAGE);
  director = await actorFor("VILLAGE_DIRECTOR", VILLAGE);
  child = await makeChild({ village });
});

afterAll(async () => {
  await superuser?.end();
});

describe("a change whose audit row cannot be written does not happen (fail closed)", () => {
  it("creating a household fails and leaves no household, no guardian and no audit row", async () => {
    const allow = await refuseAudit("audit_events", `NEW.entity = 'household'`);
    const input = householdSchema.parse({ ...HOUSEHOLD, requestId: crypto.randomUUID() });
    try {
      await expect(createHousehold(director, input)).rejects.toThrow(/the audit row cannot be written/);
    } finally {
      await allow();
    }
    expect(await count(`households WHERE client_request_id = $1`, [input.requestId])).toBe(0);
    expect(await count(`guardians WHERE name = '马桂兰'`)).toBe(0);
    expect(await count(`audit_events WHERE entity = 'household'`)).toBe(0);
    // The same write goes through once the audit trail can take it.
    const { id } = await createHousehold(director, input);
    expect(await count(`audit_events WHERE entity = 'household' AND entity_id = $1`, [id])).toBe(1);
  });

  it("a household whose seal cannot be written at commit fails too: the seal is part of the audit row", async () => {
    const allow = await refuseAudit("audit_seals", `true`);
    const input = householdSchema.parse({ ...HOUSEHOLD, address: "4组1号", requestId: crypto.randomUUID() });
    try {
      await expect(createHousehold(director, input)).rejects.toThrow();
    } finally {
      await allow();
    }
    expect(await count(`households WHERE client_request_id = $1`, [input.requestId])).toBe(0);
  });

  it("a referral's transition fails and the referral keeps its status and version", async () => {
    const referral = await db().referral.create({
      data: { childId: child.id, areaCode: VILLAGE, type: "SCHOOL", agency: "学校", reason: "需要", status: "DRAFT" },
      select: { id: true },
    });
    const allow = await refuseAudit("audit_events", `NEW.entity = 'referral'`);
    try {
      await expect(transitionReferral(director, transitionReferralSchema.parse({ referralId: referral.id, version: 1, to: "SUBMITTED" }))).rejects.toThrow(
        /the audit row cannot be written/,
      );
    } finally {
      await allow();
    }
    const row = await db().referral.findUniqueOrThrow({ where: { id: referral.id }, select: { status: true, version: true } });
    expect(row).toEqual({ status: "DRAFT", version: 1 });
  });
});

describe("a read whose audit row cannot be written returns nothing", () => {
  it("the child's file is not returned when its read cannot be audited", async () => {
    expect((await getChildFile(director, child.id))?.id).toBe(child.id);
    const allow = await refuseAudit("audit_events", `NEW.entity = 'child' AND NEW.action = 'read'`);
    let file: unknown = "not called";
    try {
      await expect(
        (async () => {
          file = await getChildFile(director, child.id);
        })(),
      ).rejects.toThrow(/the audit row cannot be written/);
    } finally {
      await allow();
    }
    expect(file).toBe("not called");
  });
});
