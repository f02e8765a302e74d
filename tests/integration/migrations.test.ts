import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, listMigrations } from "../../scripts/lib/migrations";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// Everything in the schema that a migration could change, as one comparable snapshot.
const SNAPSHOT_SQL = `
  SELECT c.relname AS object, c.relkind::text AS kind,
         coalesce(string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull,
                             ', ' ORDER BY a.attnum), '') AS detail
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
  LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  GROUP BY c.relname, c.relkind
  UNION ALL
  SELECT t.typname, 'enum', string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)
  FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname
  UNION ALL
  SELECT conrelid::regclass::text || '.' || conname, 'constraint', pg_get_constraintdef(oid)
  FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  UNION ALL
  SELECT tgrelid::regclass::text || '.' || tgname, 'trigger', pg_get_triggerdef(oid)
  FROM pg_trigger WHERE NOT tgisinternal
  ORDER BY 1, 2`;

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

describe("applyMigrations", () => {
  it("applies nothing and changes nothing on an already migrated database", async () => {
    const before = await withClient(database.url, async (client) => ({
      schema: (await client.query(SNAPSHOT_SQL)).rows,
      history: (await client.query(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`)).rows,
    }));
    expect(before.history).toHaveLength(listMigrations().length);

    expect(await applyMigrations(database.url)).toEqual([]);

    const after = await withClient(database.url, async (client) => ({
      schema: (await client.query(SNAPSHOT_SQL)).rows,
      history: (await client.query(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`)).rows,
    }));
    expect(after).toEqual(before);
  });

  it("records each migration in a _prisma_migrations table shaped like Prisma's own", async () => {
    const columns = await withClient(database.url, async (client) =>
      (
        await client.query<{ column: string }>(
          `SELECT attname || ' ' || format_type(atttypid, atttypmod) || CASE WHEN attnotnull THEN ' not null' ELSE '' END AS column
           FROM pg_attribute WHERE attrelid = '"_prisma_migrations"'::regclass AND attnum > 0 AND NOT attisdropped
           ORDER BY attnum`,
        )
      ).rows.map((row) => row.column),
    );
    // Column set of Prisma's schema engine (postgres flavour); `prisma migrate deploy` reads these.
    expect(columns).toEqual([
      "id character varying(36) not null",
      "checksum character varying(64) not null",
      "finished_at timestamp with time zone",
      "migration_name character varying(255) not null",
      "logs text",
      "rolled_back_at timestamp with time zone",
      "started_at timestamp with time zone not null",
      "applied_steps_count integer not null",
    ]);

    const rows = await withClient(database.url, async (client) =>
      (await client.query(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`)).rows,
    );
    expect(rows.map((row) => [row.migration_name, row.checksum])).toEqual(
      listMigrations().map((migration) => [migration.name, migration.checksum]),
    );
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("refuses to run when an applied migration's file was changed afterwards", async () => {
    const copy = await createTestDatabase();
    try {
      const [first] = listMigrations();
      await withClient(copy.url, (client) =>
        client.query(`UPDATE "_prisma_migrations" SET checksum = $1 WHERE migration_name = $2`, ["0".repeat(64), first!.name]),
      );
      await expect(applyMigrations(copy.url)).rejects.toThrow(`Migration ${first!.name} was changed after it was applied`);
    } finally {
      await copy.drop();
    }
  });
});
