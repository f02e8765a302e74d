import assert from "node:assert/strict";
import pg from "pg";
import { makeIdNumber } from "@/lib/domain/id-number";
import { DEMO_VILLAGE } from "@/prisma/seed/demo-accounts";
import { actionId, type AppServer } from "./support/app-server";
import { HttpSession } from "./support/http-client";

type State = { status: string; version: number; childVersion: number; childIdHash: string | null; events: number; audits: number };

async function fixture(sql: pg.Client) {
  // A child of the director's village with no ID number yet, and a hukou referral of hers that is under way.
  const child = await sql.query<{ id: string; sex: "MALE" | "FEMALE"; dob: string }>(
    `SELECT id, sex, to_char(date_of_birth, 'YYYY-MM-DD') AS dob FROM children
     WHERE area_code = $1 AND status = 'ACTIVE' AND id_number_hash IS NULL ORDER BY name LIMIT 1`,
    [DEMO_VILLAGE],
  );
  const found = child.rows[0];
  const director = (await sql.query<{ id: string }>(`SELECT id FROM users WHERE login_name = 'director'`)).rows[0];
  assert.ok(found && director, "the demo village has a child without an ID number, and its director");
  const referral = await sql.query<{ id: string }>(
    `INSERT INTO referrals (child_id, area_code, type, agency, reason, status, created_by_id, updated_at)
     VALUES ($1, $2, 'CIVIL_REGISTRATION', '派出所', 'faults: crash test', 'IN_PROGRESS', $3, now()) RETURNING id`,
    [found.id, DEMO_VILLAGE, director.id],
  );
  const { id: childId, sex, dob } = found;
  return { childId, referralId: referral.rows[0]!.id, idNumber: makeIdNumber(DEMO_VILLAGE, dob, 901, sex) };
}

async function state(sql: pg.Client, referralId: string, childId: string, since: Date): Promise<State> {
  const { rows } = await sql.query<State>(
    `SELECT r.status::text AS status, r.version, c.version AS "childVersion", c.id_number_hash AS "childIdHash",
       (SELECT count(*)::int FROM referral_events e WHERE e.referral_id = r.id) AS events,
       (SELECT count(*)::int FROM audit_events a WHERE a.entity_id IN ($1::text, $2::text) AND a.occurred_at >= $3 AND a.outcome = 'SUCCESS' AND a.action = 'update') AS audits
     FROM referrals r JOIN children c ON c.id = r.child_id WHERE r.id = $1::uuid`,
    [referralId, childId, since],
  );
  assert.ok(rows[0], "the referral exists");
  return rows[0];
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = await probe();
    if (found !== null) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what}.`);
}

/**
 * Resolving a hukou referral writes the referral, then the child's ID number, then the referral's event
 * and the audit rows, in one transaction. A lock on the child's row holds the app between the first
 * write and the second; the server is killed there. After restart: none of it, and the same move works once.
 */
export async function crashMidTransaction(app: AppServer, url: string, log: (line: string) => void) {
  const sql = new pg.Client({ connectionString: url });
  const locker = new pg.Client({ connectionString: url });
  await Promise.all([sql.connect(), locker.connect()]);
  try {
    const since = new Date(Date.now() - 1000);
    const { childId, referralId, idNumber } = await fixture(sql);
    const before = await state(sql, referralId, childId, since);
    const session = new HttpSession(app.base);
    await session.login("director");
    const transition = actionId("app/(app)/referrals/actions.ts", "transitionReferralAction");
    const resolve = { referralId, version: before.version, to: "RESOLVED", outcome: "已办理户口", idNumber };

    await locker.query("BEGIN");
    // NO KEY UPDATE: blocks the app's UPDATE of the child, not the foreign-key checks of other rows.
    await locker.query("SELECT 1 FROM children WHERE id = $1 FOR NO KEY UPDATE", [childId]);
    const request = session.action(`/referrals/${referralId}`, transition, resolve).then(
      (answer) => ({ answer }),
      (error: unknown) => ({ error }),
    );
    const blocked = await waitFor("the app's UPDATE of the child to wait on the lock", async () => {
      const { rows } = await sql.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
           AND query ILIKE 'UPDATE%"children"%'`,
      );
      return rows[0]?.pid ?? null;
    });
    // The referral row was already written by that open transaction: a NOWAIT lock on it is refused.
    const referralLocked = await sql
      .query("SELECT 1 FROM referrals WHERE id = $1 FOR UPDATE NOWAIT", [referralId])
      .then(() => false, (error: { code?: string }) => error.code === "55P03");
    assert.ok(referralLocked, "the referral's update is done but uncommitted when the server is killed");

    await app.kill();
    const outcome = await request;
    assert.ok("error" in outcome, "the request dies with the server");
    await locker.query("ROLLBACK");
    await waitFor("the killed server's backend to end", async () => {
      const { rowCount } = await sql.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [blocked]);
      return rowCount === 0 ? true : null;
    });
    assert.deepEqual(await state(sql, referralId, childId, since), before, "after the crash nothing of the resolution is stored");
    log(`crash: killed the server with the referral written and the child's update waiting; nothing was committed`);

    await app.start();
    const retried = await session.action(`/referrals/${referralId}`, transition, resolve);
    assert.equal(retried.result?.ok, true, `the resolution succeeds after the restart (HTTP ${retried.status}, ${JSON.stringify(retried.result)})`);
    const after = await state(sql, referralId, childId, since);
    assert.equal(after.status, "RESOLVED");
    assert.equal(after.version, before.version + 1);
    assert.equal(after.childVersion, before.childVersion + 1);
    assert.notEqual(after.childIdHash, null, "the child has her ID number");
    assert.equal(after.events, before.events + 1, "one referral event");
    assert.equal(after.audits, before.audits + 2, "one audit row for the referral, one for the child");

    const again = await session.action(`/referrals/${referralId}`, transition, resolve);
    assert.equal(again.result?.error?.code, "CONFLICT", "the same move a second time is refused");
    assert.deepEqual(await state(sql, referralId, childId, since), after, "and changes nothing");
    log(`crash: after restart the resolution committed once (referral v${after.version}, child v${after.childVersion}, ${after.audits} audit rows)`);
  } finally {
    await locker.query("ROLLBACK").catch(() => undefined);
    await Promise.all([sql.end(), locker.end()]);
  }
}
