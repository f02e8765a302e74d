import type pg from "pg";

/** Schema `public` only: that is where the migrations put every table. */
export type TableInfo = { name: string; columns: string[] };

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Every ordinary table of schema public with its stored columns (generated columns are left out: COPY
 * cannot load them and PostgreSQL recomputes them), from the catalog so a new table is never missed.
 */
export async function listTables(client: pg.Client): Promise<TableInfo[]> {
  const result = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname AS name,
           array_agg(a.attname::text ORDER BY a.attnum) AS columns
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE n.nspname = 'public' AND c.relkind = 'r'
     GROUP BY c.relname
     ORDER BY c.relname`);
  return result.rows;
}

/**
 * Tables ordered so that every table comes after the tables its foreign keys point to. A table that
 * points to itself (an area's parent area) is fine: COPY checks foreign keys at the end of the statement.
 * A cycle between two or more tables cannot be loaded in one pass, so it is an error.
 */
export async function dependencyOrder(client: pg.Client, tables: string[]): Promise<string[]> {
  const result = await client.query<{ child: string; parent: string }>(`
    SELECT child.relname AS child, parent.relname AS parent
      FROM pg_constraint con
      JOIN pg_class child ON child.oid = con.conrelid
      JOIN pg_class parent ON parent.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = con.connamespace
     WHERE con.contype = 'f' AND n.nspname = 'public'`);
  return topologicalOrder(tables, result.rows);
}

export function topologicalOrder(tables: string[], edges: { child: string; parent: string }[]): string[] {
  const parents = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const { child, parent } of edges) {
    if (child !== parent && parents.has(child) && parents.has(parent)) parents.get(child)!.add(parent);
  }
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < tables.length) {
    const ready = [...parents.keys()]
      .filter((table) => !placed.has(table) && [...parents.get(table)!].every((parent) => placed.has(parent)))
      .sort();
    if (ready.length === 0) {
      const stuck = [...parents.keys()].filter((table) => !placed.has(table)).sort();
      throw new Error(`Foreign keys form a cycle among ${stuck.join(", ")}; cannot find a restore order.`);
    }
    for (const table of ready) {
      placed.add(table);
      order.push(table);
    }
  }
  return order;
}

/** Sequences owned by a column (BIGSERIAL, identity), so a restore can move them past the loaded ids. */
export async function ownedSequences(client: pg.Client): Promise<{ sequence: string; table: string; column: string }[]> {
  const result = await client.query<{ sequence: string; table: string; column: string }>(`
    SELECT s.relname AS sequence, t.relname AS table, a.attname AS column
      FROM pg_class s
      JOIN pg_namespace n ON n.oid = s.relnamespace
      JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.deptype IN ('a', 'i')
      JOIN pg_class t ON t.oid = d.refobjid
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
     WHERE s.relkind = 'S' AND n.nspname = 'public'
     ORDER BY s.relname`);
  return result.rows;
}

/** Fixed session settings so the text COPY format means the same thing when written and when read. */
export async function setCopySettings(client: pg.Client): Promise<void> {
  await client.query(
    `SET client_encoding = 'UTF8'; SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 3`,
  );
}

/** Names of the migrations applied to the database, in order (none if it has no history table yet). */
export async function appliedMigrations(client: pg.Client): Promise<string[]> {
  const exists = await client.query(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS found`);
  if (!exists.rows[0]?.found) return [];
  const result = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return result.rows.map((row) => row.migration_name);
}
