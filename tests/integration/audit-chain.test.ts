import { execFile } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "@/lib/domain/dates";
import { writeAudit } from "@/lib/server/audit";
import { lastChainCheck, verifyRecentChain } from "@/lib/server/audit-events/chain";
import { ForbiddenError } from "@/lib/server/errors";
import { db, disconnectDb } from "@/lib/server/db";
import { createReferral } from "@/lib/server/referrals/mutations";
import { recordVisit } from "@/lib/server/visits/mutations";
import { canonicalSql } from "../../scripts/lib/audit-chain/canonical";
import { verifyChainSnapshot } from "../../scripts/lib/audit-chain/verify";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { visitInput } from "../factories/visits";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

const databaseUrl = setupTestDatabase();
onTestDatabaseClose(disconnectDb);

const VILLAGE = "530102002001";
// The test database's owner is a superuser: it can do what an attacker with the database password could.
let superuser: pg.Client;

const verify = (options?: Parameters<typeof verifyChainSnapshot>[1]) => verifyChainSnapshot(superuser, options);
const firstBreak = async () => {
  const report = await verify();
  if (report.ok) throw new Error("expected a broken chain");
  return report.break;
};
const sealOf = async (eventId: string) =>
  (await superuser.query<{ seq: string; hash: string }>(`SELECT seq::text AS seq, hash FROM audit_seals WHERE event_id = $1`, [eventId])).rows[0];
const eventsWhere = async (sql: string) => (await superuser.query<{ id: string }>(`SELECT id::text AS id FROM audit_events WHERE ${sql} ORDER BY id`)).rows.map((r) => r.id);
async function tamper(sql: string, params: unknown[] = []) {
  await superuser.query(`ALTER TABLE audit_events DISABLE TRIGGER USER; ALTER TABLE audit_seals DISABLE TRIGGER USER`);
  try {
    await superuser.query(sql, params);
  } finally {
    await superuser.query(`ALTER TABLE audit_events ENABLE TRIGGER USER; ALTER TABLE audit_seals ENABLE TRIGGER USER`);
  }
}

/** `npm run audit:verify` itself, against this file's database: exit code and output. */
function runVerifyCommand(args: string[] = []): Promise<{ code: number; out: string }> {
  const root = path.resolve(import.meta.dirname, "../..");
  return new Promise((resolve) => {
    execFile(path.join(root, "node_modules/.bin/tsx"), ["scripts/audit-verify.ts", ...args], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl() } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

beforeAll(async () => {
  superuser = new pg.Client({ connectionString: databaseUrl() });
  await superuser.connect();
});

afterAll(async () => {
  await superuser?.end();
});

describe("the audit hash chain, written by the data layer", () => {
  it("seals every committed write once, in a contiguous chain, including writes from parallel transactions", async () => {
    const village = await makeVillage(VILLAGE);
    const director = await actorFor("VILLAGE_DIRECTOR", VILLAGE);
    const children = await Promise.all([1, 2, 3, 4].map(() => makeChild({ village })));
    await createReferral(director, { childId: children[0]!.id, type: "HEALTH", agency: "乡镇卫生院", reason: "需要接种疫苗" });
    await Promise.all(
      children.map((child) => recordVisit(director, visitInput({ childId: child.id, visitedOn: todayInChina(), riskLevel: "GREEN", notes: "引号\"、反斜杠\\、换行\n都在" }))),
    );
    const report = await verify();
    expect(report).toMatchObject({ ok: true, fromSeq: "1" });
    if (!report.ok) return;
    expect(report.seals).toBe(report.events);
    expect(report.seals).toBeGreaterThanOrEqual(5);
    expect(report.headSeq).toBe(String(report.seals));
    expect(report.headHash).toMatch(/^[0-9a-f]{64}$/);
    const seqs = await superuser.query<{ contiguous: boolean }>(`SELECT bool_and(seq = rn) AS contiguous FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS rn FROM audit_seals) s`);
    expect(seqs.rows[0]!.contiguous).toBe(true);
    // Small batches cross keyset boundaries and must reach the same head.
    expect(await verify({ batchSize: 2 })).toEqual(report);
  });

  it("leaves no seal and no gap for an audited write that rolls back", async () => {
    const director = await actorFor("VILLAGE_DIRECTOR", VILLAGE);
    const before = await superuser.query<{ max: string }>(`SELECT max(seq)::text AS max FROM audit_seals`);
    await expect(
      db().$transaction(async (tx) => {
        await writeAudit(tx, director, { action: "update", entity: "child", entityId: "rolled-back", areaCode: VILLAGE });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await eventsWhere(`entity_id = 'rolled-back'`)).toEqual([]);
    await db().$transaction((tx) => writeAudit(tx, director, { action: "read", entity: "child", entityId: "after-rollback", areaCode: VILLAGE }));
    const [id] = await eventsWhere(`entity_id = 'after-rollback'`);
    expect((await sealOf(id!))!.seq).toBe(String(BigInt(before.rows[0]!.max) + 1n));
    expect((await verify()).ok).toBe(true);
  });

  it("refuses an audit write in a REPEATABLE READ transaction, where the chain head it reads could be stale", async () => {
    const director = await actorFor("VILLAGE_DIRECTOR", VILLAGE);
    await expect(
      db().$transaction((tx) => writeAudit(tx, director, { action: "read", entity: "child", entityId: "repeatable-read", areaCode: VILLAGE }), {
        isolationLevel: "RepeatableRead",
      }),
    ).rejects.toThrow(/TransactionWriteConflict/);
    // The refusal is the seal trigger's, at commit (what Prisma reports as a write conflict above):
    const other = new pg.Client({ connectionString: databaseUrl() });
    await other.connect();
    try {
      await other.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
      await other.query(`INSERT INTO audit_events (action, entity, entity_id, outcome) VALUES ('read', 'child', 'repeatable-read', 'SUCCESS')`);
      await expect(other.query("COMMIT")).rejects.toThrow("audit events must be written in READ COMMITTED transactions");
    } finally {
      await other.end();
    }
    expect(await eventsWhere(`entity_id = 'repeatable-read'`)).toEqual([]);
  });

  it("does not count an event of a transaction still in flight as missing its seal", async () => {
    const other = new pg.Client({ connectionString: databaseUrl() });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(`INSERT INTO audit_events (action, entity, entity_id, outcome) VALUES ('read', 'child', 'in-flight', 'SUCCESS')`);
      expect((await verify()).ok).toBe(true);
      await other.query("COMMIT");
    } finally {
      await other.end();
    }
    expect((await verify()).ok).toBe(true);
  });

  it("hashes the text of the migration's audit_event_canonical(), written out in the verifier so a replaced function is caught", async () => {
    await superuser.query(
      `INSERT INTO audit_events (action, entity, entity_id, outcome, details) VALUES ('update', 'child', 'canonical', 'SUCCESS', $1)`,
      [JSON.stringify({ note: "引号\"和\\反斜杠\n换行\t制表", amount: 1.5, nested: { z: [1, null, true] } })],
    );
    const compared = await superuser.query<{ n: string; same: boolean }>(
      `SELECT count(*)::text AS n, bool_and(audit_event_canonical(e) = ${canonicalSql("e")}) AS same FROM audit_events e`,
    );
    expect(compared.rows[0]).toEqual({ n: expect.stringMatching(/^[1-9]\d*$/), same: true });
  });
});

describe("npm run audit:verify", () => {
  it("exits 0 and prints the head hash to write down; an anchor it still reaches passes, a different one fails", async () => {
    const report = await verify();
    if (!report.ok) throw new Error("expected an intact chain");
    const run = await runVerifyCommand();
    expect(run.code).toBe(0);
    expect(run.out).toContain(`Head: seq ${report.headSeq}, hash ${report.headHash}`);
    expect((await runVerifyCommand(["--anchor", `${report.headSeq}:${report.headHash}`])).code).toBe(0);
    const wrong = await runVerifyCommand([`--anchor=${report.headSeq}:${"0".repeat(64)}`]);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain("Audit chain BROKEN");
  });
});

describe("the auditor's chain check on the /audit page", () => {
  it("verifies the newest seals on request, records the result as an audit event, and shows it as the last result", async () => {
    const auditor = await actorFor("AUDITOR", "");
    expect(await lastChainCheck(auditor)).toBeNull();
    const expected = await verify();
    const check = await verifyRecentChain(auditor);
    expect(check).toMatchObject({ ok: true, seals: expected.seals, headHash: expected.ok ? expected.headHash : "" });
    expect(await lastChainCheck(auditor)).toEqual(check);
    const recorded = await superuser.query(`SELECT outcome::text FROM audit_events WHERE actor_id = $1 AND entity = 'auditEvent'`, [auditor.userId]);
    expect(recorded.rows).toEqual([{ outcome: "SUCCESS" }]);
    await expect(verifyRecentChain(await actorFor("COUNTY_OFFICER", "530102000000"))).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("tampering, as the database superuser, is named at its first broken link", () => {
  it("names an edited event (its details changed behind the triggers) and verifies again once it is put back", async () => {
    const [id] = await eventsWhere(`entity = 'referral'`);
    const original = await superuser.query<{ details: string }>(`SELECT details::text AS details FROM audit_events WHERE id = $1`, [id]);
    await tamper(`UPDATE audit_events SET details = '{"reason":"改过了"}' WHERE id = $1`, [id]);
    expect(await firstBreak()).toMatchObject({ kind: "edited", seq: (await sealOf(id!))!.seq, eventId: id });
    await tamper(`UPDATE audit_events SET details = $2::jsonb WHERE id = $1`, [id, original.rows[0]!.details]);
    expect((await verify()).ok).toBe(true);
  });

  it("names seals swapped into another order", async () => {
    const seq = 3;
    await tamper(`UPDATE audit_seals SET seq = -1 WHERE seq = ${seq}; UPDATE audit_seals SET seq = ${seq} WHERE seq = ${seq + 1}; UPDATE audit_seals SET seq = ${seq + 1} WHERE seq = -1`);
    const eventAtSeq = (await superuser.query<{ id: string }>(`SELECT event_id::text AS id FROM audit_seals WHERE seq = ${seq}`)).rows[0]!.id;
    expect(await firstBreak()).toMatchObject({ kind: "reordered", seq: String(seq), eventId: eventAtSeq });
    await tamper(`UPDATE audit_seals SET seq = -1 WHERE seq = ${seq}; UPDATE audit_seals SET seq = ${seq} WHERE seq = ${seq + 1}; UPDATE audit_seals SET seq = ${seq + 1} WHERE seq = -1`);
    expect((await verify()).ok).toBe(true);
  });

  it("names an event inserted without a seal, written before later sealed events", async () => {
    await tamper(`INSERT INTO audit_events (action, entity, entity_id, outcome, occurred_at) VALUES ('read', 'child', 'unsealed', 'SUCCESS', now() - interval '1 day')`);
    const director = await actorFor("VILLAGE_DIRECTOR", VILLAGE);
    await db().$transaction((tx) => writeAudit(tx, director, { action: "read", entity: "child", entityId: "sealed-after", areaCode: VILLAGE }));
    const [id] = await eventsWhere(`entity_id = 'unsealed'`);
    expect(await firstBreak()).toMatchObject({ kind: "missing-seal", seq: null, eventId: id });
    await tamper(`DELETE FROM audit_events WHERE id = $1`, [id]);
    expect((await verify()).ok).toBe(true);
  });

  it("names an event deleted while its seal stays (foreign keys switched off too)", async () => {
    const head = (await superuser.query<{ seq: string; id: string }>(`SELECT seq::text AS seq, event_id::text AS id FROM audit_seals ORDER BY seq DESC LIMIT 1`)).rows[0]!;
    await superuser.query(`SET session_replication_role = replica`);
    try {
      await superuser.query(`DELETE FROM audit_events WHERE id = $1`, [head.id]);
    } finally {
      await superuser.query(`SET session_replication_role = DEFAULT`);
    }
    expect(await firstBreak()).toMatchObject({ kind: "deleted-event", seq: head.seq, eventId: head.id });
  });

  it("names the first gap when an event and its seal are deleted together, before any later break", async () => {
    const victim = (await superuser.query<{ id: string }>(`SELECT event_id::text AS id FROM audit_seals WHERE seq = 2`)).rows[0]!.id;
    await tamper(`DELETE FROM audit_seals WHERE seq = 2; DELETE FROM audit_events WHERE id = $1`.replace("$1", victim));
    expect(await firstBreak()).toMatchObject({ kind: "deleted-event", seq: "2", eventId: null });
    const run = await runVerifyCommand();
    expect(run.code).toBe(1);
    expect(run.out).toContain("First broken link: deleted-event");
    expect(run.out).toContain("seq 2, event —: seals 2..2 are missing");
    const auditor = await actorFor("AUDITOR", "");
    expect(await verifyRecentChain(auditor)).toMatchObject({ ok: false, breakKind: "deleted-event", breakSeq: "2", headHash: null });
    expect(await lastChainCheck(auditor)).toMatchObject({ ok: false, breakSeq: "2" });
  });

  it("catches a replaced audit_event_canonical(): an event sealed with it no longer matches the verifier's own text", async () => {
    await superuser.query(`CREATE OR REPLACE FUNCTION audit_event_canonical(e audit_events) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$ SELECT e.id::text $$`);
    const director = await actorFor("VILLAGE_DIRECTOR", VILLAGE);
    await db().$transaction((tx) => writeAudit(tx, director, { action: "read", entity: "child", entityId: "fake-canonical", areaCode: VILLAGE }));
    const [id] = await eventsWhere(`entity_id = 'fake-canonical'`);
    // Only the newest seal: the window starts after the earlier, deliberate breaks.
    const report = await verify({ lastSeals: 1 });
    expect(report).toMatchObject({ ok: false, break: { kind: "edited", seq: (await sealOf(id!))!.seq, eventId: id } });
  });
});
