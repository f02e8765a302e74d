import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../support/test-database";

const databaseUrl = setupTestDatabase();
let client: pg.Client;
let eventId: string;
let original: Record<string, unknown>;

async function readEvent() {
  const result = await client.query(`SELECT * FROM audit_events WHERE id = $1`, [eventId]);
  return result.rows[0] as Record<string, unknown> | undefined;
}

beforeAll(async () => {
  client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  const inserted = await client.query<{ id: string }>(
    `INSERT INTO audit_events (actor_role, action, entity, entity_id, area_code, outcome, details)
     VALUES ('VILLAGE_DIRECTOR', 'create', 'child', 'c-1', '330106001001', 'SUCCESS', '{"name":"张三"}')
     RETURNING id`,
  );
  eventId = inserted.rows[0]!.id;
  original = (await readEvent())!;
});

afterAll(async () => {
  await client?.end();
});

describe("the audit trail is append-only in the database itself", () => {
  it("refuses to UPDATE an audit event", async () => {
    await expect(client.query(`UPDATE audit_events SET outcome = 'FAILURE' WHERE id = $1`, [eventId])).rejects.toThrow(
      /append-only: UPDATE/,
    );
  });

  it("refuses to DELETE an audit event", async () => {
    await expect(client.query(`DELETE FROM audit_events WHERE id = $1`, [eventId])).rejects.toThrow(/append-only: DELETE/);
  });

  it("refuses to TRUNCATE the audit events, alone (the seals point to them) or with their seals", async () => {
    await expect(client.query(`TRUNCATE audit_events`)).rejects.toThrow(/cannot truncate a table referenced in a foreign key/);
    await expect(client.query(`TRUNCATE audit_events, audit_seals`)).rejects.toThrow(/append-only: TRUNCATE/);
    await expect(client.query(`TRUNCATE audit_events CASCADE`)).rejects.toThrow(/append-only: TRUNCATE/);
  });

  it("still accepts new events and leaves the refused row exactly as it was", async () => {
    await client.query(`INSERT INTO audit_events (action, entity, outcome) VALUES ('login', 'session', 'DENIED')`);
    expect(await readEvent()).toEqual(original);
    const count = await client.query<{ count: string }>(`SELECT count(*) FROM audit_events`);
    expect(count.rows[0]!.count).toBe("2");
  });
});

describe("the audit seals are append-only in the database itself", () => {
  const seal = async () => (await client.query(`SELECT * FROM audit_seals WHERE event_id = $1`, [eventId])).rows[0] as Record<string, unknown>;

  it("refuses to UPDATE a seal", async () => {
    await expect(client.query(`UPDATE audit_seals SET hash = repeat('0', 64) WHERE event_id = $1`, [eventId])).rejects.toThrow(/append-only: UPDATE/);
  });

  it("refuses to DELETE a seal", async () => {
    await expect(client.query(`DELETE FROM audit_seals WHERE event_id = $1`, [eventId])).rejects.toThrow(/append-only: DELETE/);
  });

  it("refuses to TRUNCATE the seals", async () => {
    await expect(client.query(`TRUNCATE audit_seals`)).rejects.toThrow(/append-only: TRUNCATE/);
  });

  it("leaves the refused seal exactly as it was, and seals every accepted event once", async () => {
    const before = await seal();
    expect(before).toMatchObject({ seq: "1", prev_hash: null });
    await expect(client.query(`UPDATE audit_seals SET prev_hash = hash WHERE event_id = $1`, [eventId])).rejects.toThrow(/append-only/);
    expect(await seal()).toEqual(before);
    const counts = await client.query<{ events: string; seals: string }>(
      `SELECT (SELECT count(*) FROM audit_events) AS events, (SELECT count(*) FROM audit_seals) AS seals`,
    );
    expect(counts.rows[0]).toEqual({ events: "2", seals: "2" });
  });
});
