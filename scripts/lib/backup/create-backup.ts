import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import copyStreams from "pg-copy-streams";
import { appliedMigrations, listTables, quoteIdent, setCopySettings } from "./catalog";
import { backupSigningKey } from "./signature";
import { FORMAT_VERSION, tableFile, writeManifest, type Manifest, type TableEntry } from "./manifest";

/**
 * The output folder holds children's personal data: owner-only (0700), and it must be new or empty so a
 * backup never mixes with older files.
 */
function prepareFolder(dir: string): void {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) throw new Error(`${dir} is not empty; choose a new folder for the backup.`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
}

/** Streams one table into its file (0600), hashing and counting rows on the way (one line per row in text COPY). */
async function copyTable(client: pg.Client, dir: string, name: string, columns: string[]): Promise<TableEntry> {
  const file = tableFile(name);
  const hash = crypto.createHash("sha256");
  let rows = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) rows++;
      done(null, chunk);
    },
  });
  const sql = `COPY ${quoteIdent(name)} (${columns.map(quoteIdent).join(", ")}) TO STDOUT`;
  await pipeline(client.query(copyStreams.to(sql)), tap, fs.createWriteStream(path.join(dir, file), { mode: 0o600, flags: "wx" }));
  return { name, file, columns, rows, sha256: hash.digest("hex") };
}

/**
 * A logical backup of every table in schema public, read in one REPEATABLE READ snapshot so the files
 * agree with each other (a visit is never in the backup without its child, an audit event never without
 * its seal). The key (checked before any work) signs the manifest.
 */
export async function createBackup(connectionString: string, dir: string, key: Buffer = backupSigningKey()): Promise<Manifest> {
  prepareFolder(dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await setCopySettings(client);
    const serverVersion = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
    const migrations = await appliedMigrations(client);
    const tables: TableEntry[] = [];
    for (const table of await listTables(client)) tables.push(await copyTable(client, dir, table.name, table.columns));
    await client.query("COMMIT");
    const manifest: Manifest = { formatVersion: FORMAT_VERSION, createdAt: new Date().toISOString(), serverVersion, migrations, tables };
    writeManifest(dir, manifest, key);
    return manifest;
  } finally {
    await client.end();
  }
}
