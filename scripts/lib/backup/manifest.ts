import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { backupSigningKey, verifySignature, writeSignature } from "./signature";

export const MANIFEST_FILE = "manifest.json";
export const FORMAT_VERSION = 1;

export type TableEntry = { name: string; file: string; columns: string[]; rows: number; sha256: string };
export type Manifest = {
  formatVersion: number;
  createdAt: string;
  serverVersion: string;
  migrations: string[];
  tables: TableEntry[];
};

const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The file a table is written to; the name check keeps a crafted manifest from pointing outside the folder. */
export function tableFile(name: string): string {
  if (!TABLE_NAME.test(name)) throw new Error(`Table name "${name}" cannot be used as a backup file name.`);
  return `${name}.copy`;
}

export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest("hex");
}

/** manifest.json and its signature (manifest.json.sig, over the exact bytes written). */
export function writeManifest(dir: string, manifest: Manifest, key: Buffer = backupSigningKey()): void {
  const bytes = Buffer.from(JSON.stringify(manifest, null, 2) + "\n", "utf8");
  fs.writeFileSync(path.join(dir, MANIFEST_FILE), bytes, { mode: 0o600, flag: "wx" });
  writeSignature(dir, bytes, key);
}

/** Checks the signature, then reads and shape-checks manifest.json; anything unexpected is a damaged backup. */
export function readManifest(dir: string, key: Buffer = backupSigningKey()): Manifest {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new Error(`${file} not found: --from must name a backup folder.`);
  const bytes = fs.readFileSync(file);
  verifySignature(dir, bytes, key);
  let value: Manifest;
  try {
    value = JSON.parse(bytes.toString("utf8")) as Manifest;
  } catch {
    throw new Error(`${file} is not valid JSON: the backup is damaged.`);
  }
  if (value?.formatVersion !== FORMAT_VERSION) {
    throw new Error(`Backup format ${String(value?.formatVersion)} is not supported (expected ${FORMAT_VERSION}).`);
  }
  const tablesOk =
    Array.isArray(value.tables) &&
    value.tables.every(
      (t) =>
        typeof t?.name === "string" &&
        TABLE_NAME.test(t.name) &&
        t.file === `${t.name}.copy` &&
        Number.isInteger(t.rows) &&
        t.rows >= 0 &&
        /^[0-9a-f]{64}$/.test(t.sha256) &&
        Array.isArray(t.columns) &&
        t.columns.every((c) => typeof c === "string"),
    );
  const migrationsOk = Array.isArray(value.migrations) && value.migrations.every((m) => typeof m === "string");
  if (!tablesOk || !migrationsOk) throw new Error(`${file} is malformed: the backup is damaged.`);
  return value;
}

/** Every table file must hash to what the manifest recorded: a damaged or edited backup is refused. */
export async function verifyFiles(dir: string, manifest: Manifest): Promise<void> {
  for (const table of manifest.tables) {
    const file = path.join(dir, tableFile(table.name));
    if (!fs.existsSync(file)) throw new Error(`Backup file ${table.file} is missing.`);
    if ((await sha256File(file)) !== table.sha256) {
      throw new Error(`Backup file ${table.file} does not match its checksum in the manifest: the backup is damaged or was edited.`);
    }
  }
}
