import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import copyStreams from "pg-copy-streams";
import { applyMigrations, listMigrations } from "../migrations";
import { appliedMigrations, dependencyOrder, listTables, ownedSequences, quoteIdent, setCopySettings, type TableInfo } from "./catalog";
import { describeReport, verifyChain } from "../audit-chain/verify";
import { readManifest, tableFile, verifyFiles, type Manifest } from "./manifest";
import { backupSigningKey } from "./signature";

const HISTORY = "_prisma_migrations";

/**
 * Tables the migrations themselves fill (benefit catalogue, national rates). A freshly migrated
 * database has rows there, yet is empty of anyone's data; the backup's copy replaces them, because
 * an administrator may have changed them since.
 */
function tablesFilledByMigrations(): Set<string> {
  const names = new Set([HISTORY]);
  for (const migration of listMigrations()) {
    for (const match of migration.sql.matchAll(/INSERT\s+INTO\s+"?([A-Za-z0-9_]+)"?/gi)) names.add(match[1]!);
  }
  // The seal trigger inserts there, but a fresh database has no seals: a seal in the target is someone's data.
  names.delete("audit_seals");
  return names;
}

/** Refuses (one line) when any table other than the migration-filled ones holds a row. */
async function assertEmpty(client: pg.Client, tables: TableInfo[], allowed: Set<string>): Promise<void> {
  for (const { name } of tables) {
    if (allowed.has(name)) continue;
    const found = await client.query(`SELECT 1 FROM ${quoteIdent(name)} LIMIT 1`);
    if (found.rowCount) {
      throw new Error(`The target database is not empty (table ${name} has rows); restore only into a new, empty database.`);
    }
  }
}

function assertSameSchema(manifest: Manifest, migrations: string[], tables: TableInfo[]): void {
  if (migrations.join("\n") !== manifest.migrations.join("\n")) {
    throw new Error(
      `The backup was made at migration ${manifest.migrations.at(-1) ?? "(none)"}, this version of Barefoot is at ` +
        `${migrations.at(-1) ?? "(none)"}; restore with the version that made the backup, then migrate.`,
    );
  }
  const target = new Map(tables.map((table) => [table.name, [...table.columns].sort().join(",")]));
  const backup = new Map(manifest.tables.map((table) => [table.name, [...table.columns].sort().join(",")]));
  for (const name of new Set([...target.keys(), ...backup.keys()])) {
    if (target.get(name) !== backup.get(name)) throw new Error(`Table ${name} differs between the backup and the migrated database.`);
  }
}

async function copyIn(client: pg.Client, dir: string, name: string, columns: string[]): Promise<void> {
  const sql = `COPY ${quoteIdent(name)} (${columns.map(quoteIdent).join(", ")}) FROM STDIN`;
  await pipeline(fs.createReadStream(path.join(dir, tableFile(name))), client.query(copyStreams.from(sql)));
}

/** Moves every serial/identity sequence past the highest restored value, so new rows get fresh ids. */
async function resetSequences(client: pg.Client): Promise<void> {
  for (const { sequence, table, column } of await ownedSequences(client)) {
    const max = `(SELECT max(${quoteIdent(column)}) FROM ${quoteIdent(table)})`;
    await client.query(`SELECT setval($1::regclass, COALESCE(${max}, 1), ${max} IS NOT NULL)`, [`public.${quoteIdent(sequence)}`]);
  }
}

async function assertRowCounts(client: pg.Client, manifest: Manifest): Promise<number> {
  let total = 0;
  for (const table of manifest.tables) {
    const result = await client.query<{ count: string }>(`SELECT count(*) FROM ${quoteIdent(table.name)}`);
    const count = Number(result.rows[0]!.count);
    if (count !== table.rows) throw new Error(`Table ${table.name} has ${count} rows after the restore, the backup has ${table.rows}.`);
    total += count;
  }
  return total;
}

/**
 * The backup's seals and rollup marks are loaded as they are: the restored events must not be sealed again
 * (the seal trigger would append a second seal per event), nor the restored rows mark villages dirty twice.
 * Disabled inside the transaction, so a failed restore rolls the switch back too; the restore runs as the
 * tables' owner.
 */
async function loadWithoutResealing(client: pg.Client, load: () => Promise<void>): Promise<void> {
  const { rows } = await client.query<{ table: string; trigger: string }>(
    `SELECT c.relname AS "table", t.tgname AS "trigger" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND NOT t.tgisinternal AND (t.tgname = 'audit_events_seal' OR t.tgname LIKE '%\\_rollup\\_dirty\\_%')`,
  );
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  for (const row of rows) await client.query(`ALTER TABLE ${quote(row.table)} DISABLE TRIGGER ${quote(row.trigger)}`);
  await load();
  for (const row of rows) await client.query(`ALTER TABLE ${quote(row.table)} ENABLE TRIGGER ${quote(row.trigger)}`);
}

/** The restored audit trail must verify exactly as it did in the source, or nothing is committed. */
async function assertChainVerifies(client: pg.Client): Promise<void> {
  const report = await verifyChain(client);
  if (!report.ok) throw new Error(`The restored audit chain does not verify: ${describeReport(report).join(" ").replace(/\s+/g, " ")}`);
}

/**
 * Restores a backup folder into an empty database: checksums first, then the schema through the
 * migrations, then every table in foreign-key order in ONE transaction that commits only when every
 * row count matches the manifest and the audit hash chain verifies. Any failure leaves the target as it
 * was (apart from the schema).
 */
export async function restoreBackup(
  connectionString: string,
  dir: string,
  key: Buffer = backupSigningKey(),
): Promise<{ tables: number; rows: number }> {
  const manifest = readManifest(dir, key);
  await verifyFiles(dir, manifest);
  const allowed = tablesFilledByMigrations();
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // Checked before migrating too, so a refused restore does not touch an occupied database at all.
    await assertEmpty(client, await listTables(client), allowed);
    await applyMigrations(connectionString);
    await setCopySettings(client);
    const tables = await listTables(client);
    assertSameSchema(manifest, await appliedMigrations(client), tables);
    const order = await dependencyOrder(client, tables.map((table) => table.name));
    await client.query("BEGIN");
    try {
      // Nobody may write while we load; then re-check emptiness under the lock.
      await client.query(`LOCK TABLE ${order.map(quoteIdent).join(", ")} IN EXCLUSIVE MODE`);
      await assertEmpty(client, tables, allowed);
      for (const name of [...order].reverse()) if (allowed.has(name)) await client.query(`DELETE FROM ${quoteIdent(name)}`);
      const entries = new Map(manifest.tables.map((table) => [table.name, table]));
      await loadWithoutResealing(client, async () => {
        for (const name of order) await copyIn(client, dir, name, entries.get(name)!.columns);
      });
      await resetSequences(client);
      const rows = await assertRowCounts(client, manifest);
      await assertChainVerifies(client);
      await client.query("COMMIT");
      return { tables: manifest.tables.length, rows };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  } finally {
    await client.end();
  }
}
