import type pg from "pg";
import type * as FieldCryptoModule from "../../lib/server/field-crypto";

type FieldCrypto = typeof FieldCryptoModule;

/**
 * Identifier columns encrypted with lib/server/field-crypto.ts (issue 7) that older databases hold in
 * plain text. children.id_number_encrypted was encrypted from the first migration and is not listed.
 */
export const BACKFILLED_COLUMNS = [
  { table: "households", column: "address" },
  { table: "households", column: "father_phone" },
  { table: "households", column: "mother_phone" },
  { table: "guardians", column: "phone" },
  { table: "users", column: "phone" },
] as const;

// field-crypto's ciphertext shape ("v1:<iv>:<tag>:<body>") in PostgreSQL's regex syntax.
const CIPHERTEXT = "^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$";
const BATCH = 1000;

export type BackfillCounts = Record<`${(typeof BACKFILLED_COLUMNS)[number]["table"]}.${string}`, number>;

/**
 * Encrypts the plain values left from before issue 7, in batches of BATCH rows, each batch in its own
 * transaction; a value is plain when it does not have the ciphertext's shape. Idempotent: a second run
 * finds nothing. Runs inside the migrator's advisory lock. A system migration, so no audit row per value:
 * one anonymous row with the counts, and only when something was encrypted.
 */
export async function encryptPlainIdentifiers(client: pg.Client, connectionString: string): Promise<BackfillCounts> {
  const counts = {} as BackfillCounts;
  let crypto: FieldCrypto | undefined;
  for (const { table, column } of BACKFILLED_COLUMNS) {
    let done = 0;
    let after = "00000000-0000-0000-0000-000000000000";
    // Names come from the constant above, never from input; quoted all the same.
    const [t, c] = [client.escapeIdentifier(table), client.escapeIdentifier(column)];
    for (;;) {
      // "" is no identifier (a blank phone): left alone.
      const plain = await client.query<{ id: string; value: string }>(
        `SELECT id::text AS id, ${c} AS value FROM ${t}
         WHERE id > $1::uuid AND ${c} IS NOT NULL AND ${c} <> '' AND ${c} !~ $2
         ORDER BY id LIMIT $3`,
        [after, CIPHERTEXT, BATCH],
      );
      if (plain.rows.length === 0) break;
      crypto ??= await loadFieldCrypto(client, connectionString);
      const encrypt = crypto.encryptField;
      after = plain.rows.at(-1)!.id;
      await client.query("BEGIN");
      try {
        // `AND old value` keeps a value someone changed meanwhile (it is then written encrypted already).
        const updated = await client.query(
          `UPDATE ${t} AS t SET ${c} = v.encrypted
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, plain, encrypted)
           WHERE t.id = v.id AND t.${c} = v.plain`,
          [plain.rows.map((r) => r.id), plain.rows.map((r) => r.value), plain.rows.map((r) => encrypt(r.value))],
        );
        await client.query("COMMIT");
        done += updated.rowCount ?? 0;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
    counts[`${table}.${column}`] = done;
  }
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  if (total > 0) {
    await client.query(
      `INSERT INTO "audit_events" (action, entity, outcome, details) VALUES ('update', 'household', 'SUCCESS', $1::jsonb)`,
      [JSON.stringify({ kind: "encrypt-backfill", encrypted: counts })],
    );
  }
  return counts;
}

/**
 * field-crypto reads the key through serverEnv(), which wants DATABASE_URL too. Loaded only when there is
 * something to encrypt, so a fresh database migrates without any key. Before the first write, one stored
 * ciphertext per column must decrypt: with another deployment's key the backfill would otherwise encrypt
 * the plain values under a key that cannot read the rest. It stops instead, having changed nothing.
 */
async function loadFieldCrypto(client: pg.Client, connectionString: string): Promise<FieldCrypto> {
  process.env.DATABASE_URL ??= connectionString;
  const crypto = await import("../../lib/server/field-crypto");
  const columns = [...BACKFILLED_COLUMNS, { table: "children", column: "id_number_encrypted" }];
  for (const { table, column } of columns) {
    const [t, c] = [client.escapeIdentifier(table), client.escapeIdentifier(column)];
    const sample = await client.query<{ value: string }>(`SELECT ${c} AS value FROM ${t} WHERE ${c} ~ $1 LIMIT 1`, [CIPHERTEXT]);
    const stored = sample.rows[0]?.value;
    if (!stored) continue;
    try {
      crypto.decryptField(stored);
    } catch (error) {
      throw new Error(`Encryption backfill stopped before writing: ${table}.${column} does not decrypt with FIELD_ENCRYPTION_KEY (another key?)`, { cause: error });
    }
  }
  return crypto;
}
