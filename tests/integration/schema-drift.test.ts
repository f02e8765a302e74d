import fs from "node:fs";
import path from "node:path";
import internals from "@prisma/internals";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// Prisma's migration engine cannot run here, so migrations are hand-written SQL. This test is what keeps
// them honest: the catalog of a freshly migrated database must match schema.prisma exactly, both ways.
// Not compared: defaults, collations, constraint/index names, CHECK constraints, triggers.

type Datamodel = Awaited<ReturnType<typeof internals.getDMMF>>["datamodel"];
type Field = Datamodel["models"][number]["fields"][number];
type Catalog = string[];

const SCHEMA_PATH = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

// Prisma's default native type for each scalar on PostgreSQL.
const DEFAULT_NATIVE: Record<string, string> = {
  String: "Text", Int: "Integer", BigInt: "BigInt", Boolean: "Boolean", DateTime: "Timestamp(3)",
  Json: "JsonB", Float: "DoublePrecision", Decimal: "Decimal(65,30)", Bytes: "ByteA",
};

// @db.X(args) → what format_type() prints. `$` is replaced by the arguments, "(p)" included.
const NATIVE_TYPES: Record<string, string> = {
  Text: "text", VarChar: "character varying$", Char: "character$", Uuid: "uuid", Citext: "citext",
  Inet: "inet", Xml: "xml", Integer: "integer", SmallInt: "smallint", BigInt: "bigint", Oid: "oid",
  Boolean: "boolean", Timestamp: "timestamp$ without time zone", Timestamptz: "timestamp$ with time zone",
  Date: "date", Time: "time$ without time zone", Timetz: "time$ with time zone", Json: "json",
  JsonB: "jsonb", DoublePrecision: "double precision", Real: "real", Decimal: "numeric$", Money: "money",
  ByteA: "bytea", Bit: "bit$", VarBit: "bit varying$",
};

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "CASCADE", Restrict: "RESTRICT", NoAction: "NO ACTION", SetNull: "SET NULL", SetDefault: "SET DEFAULT",
};

function nativeToPostgres(field: Field): string {
  const [name, args] = field.nativeType ?? parseNative(DEFAULT_NATIVE[field.type] ?? "");
  const template = NATIVE_TYPES[name];
  if (!template) throw new Error(`schema-drift: no PostgreSQL type for ${field.name} ${field.type} @db.${name}; add it`);
  return template.replace("$", args.length > 0 ? `(${args.join(",")})` : "");
}

function parseNative(text: string): [string, string[]] {
  const match = /^(\w+)(?:\((.*)\))?$/.exec(text);
  return [match?.[1] ?? text, match?.[2]?.split(",") ?? []];
}

/** The catalog schema.prisma asks for, one comparable line per fact. */
async function catalogFromSchema(schemaText: string): Promise<Catalog> {
  const { datamodel } = await internals.getDMMF({ datamodel: schemaText });
  const lines: Catalog = [];
  const enumName = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const models = new Map(datamodel.models.map((model) => [model.name, model]));
  const tableOf = (modelName: string) => {
    const model = models.get(modelName);
    if (!model) throw new Error(`schema-drift: unknown model ${modelName}`);
    return model.dbName ?? model.name;
  };
  const columnOf = (modelName: string, fieldName: string) => {
    const field = models.get(modelName)?.fields.find((f) => f.name === fieldName);
    if (!field) throw new Error(`schema-drift: unknown field ${modelName}.${fieldName}`);
    return field.dbName ?? field.name;
  };

  for (const e of datamodel.enums) {
    lines.push(`enum ${e.dbName ?? e.name}: ${e.values.map((v) => v.dbName ?? v.name).join(", ")}`);
  }
  for (const model of datamodel.models) {
    const table = tableOf(model.name);
    lines.push(`table ${table}`);
    for (const field of model.fields) {
      if (field.kind === "object") {
        const from = field.relationFromFields ?? [];
        if (from.length === 0) continue;
        const allRequired = from.every((name) => model.fields.find((f) => f.name === name)?.isRequired);
        // Prisma's defaults: Restrict for a required relation, SetNull for an optional one; Cascade on update.
        const onDelete = field.relationOnDelete ?? (allRequired ? "Restrict" : "SetNull");
        const onUpdate = field.relationOnUpdate ?? "Cascade";
        const to = (field.relationToFields ?? []).map((name) => columnOf(field.type, name));
        lines.push(
          `foreign key ${table} (${from.map((name) => columnOf(model.name, name)).join(", ")}) → ` +
            `${tableOf(field.type)} (${to.join(", ")}) ON DELETE ${REFERENTIAL_ACTIONS[onDelete]} ON UPDATE ${REFERENTIAL_ACTIONS[onUpdate]}`,
        );
        continue;
      }
      if (field.kind !== "scalar" && field.kind !== "enum") {
        throw new Error(`schema-drift: cannot compare ${field.kind} field ${model.name}.${field.name}`);
      }
      const base = field.kind === "enum" ? (enumName.get(field.type) ?? field.type) : nativeToPostgres(field);
      // Our migrations make list columns NOT NULL with an empty default (Prisma reads [] either way).
      const nullable = !field.isRequired;
      lines.push(`column ${table}.${field.dbName ?? field.name}: ${base}${field.isList ? "[]" : ""}${nullable ? "" : " NOT NULL"}`);
    }
  }
  for (const index of datamodel.indexes) {
    const kind = { id: "primary key", unique: "unique", normal: "index", fulltext: "fulltext" }[index.type];
    const columns = index.fields.map((f) => columnOf(index.model, f.name) + (f.sortOrder === "desc" ? " DESC" : ""));
    const using = index.algorithm && index.algorithm !== "BTree" ? ` USING ${index.algorithm.toLowerCase()}` : "";
    lines.push(`${kind} ${tableOf(index.model)} (${columns.join(", ")})${using}`);
  }
  return lines.sort();
}

const actionSql = (column: string) => `CASE ${column} WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT'
  WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END`;

const LIVE_QUERIES = {
  enums: `
    SELECT 'enum ' || t.typname || ': ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS line
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname`,
  tables: `
    SELECT 'table ' || relname AS line FROM pg_class
    WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND relname <> '_prisma_migrations'`,
  columns: `
    SELECT 'column ' || c.relname || '.' || a.attname || ': ' || replace(format_type(a.atttypid, a.atttypmod), '"', '')
           || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END AS line
    FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'`,
  // Unique constraints are backed by unique indexes, so pg_index sees both forms.
  indexes: `
    SELECT CASE WHEN i.indisprimary THEN 'primary key' WHEN i.indisunique THEN 'unique' ELSE 'index' END
           || ' ' || c.relname || ' ('
           || (SELECT string_agg(replace(pg_get_indexdef(i.indexrelid, k + 1, true), '"', '')
                                 || CASE WHEN i.indoption[k] & 1 = 1 THEN ' DESC' ELSE '' END, ', ' ORDER BY k)
               FROM generate_series(0, i.indnkeyatts - 1) AS k)
           || ')'
           || CASE WHEN am.amname <> 'btree' THEN ' USING ' || am.amname ELSE '' END
           || CASE WHEN i.indnatts > i.indnkeyatts THEN ' INCLUDE (non-key columns)' ELSE '' END
           || coalesce(' WHERE ' || pg_get_expr(i.indpred, i.indrelid), '') AS line
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_am am ON am.oid = ic.relam
    WHERE c.relnamespace = 'public'::regnamespace AND c.relname <> '_prisma_migrations'`,
  foreignKeys: `
    SELECT 'foreign key ' || src.relname || ' ('
           || (SELECT string_agg(a.attname, ', ' ORDER BY k.n) FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, n)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum)
           || ') → ' || dst.relname || ' ('
           || (SELECT string_agg(a.attname, ', ' ORDER BY k.n) FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, n)
               JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum)
           || ') ON DELETE ' || ${actionSql("con.confdeltype")} || ' ON UPDATE ' || ${actionSql("con.confupdtype")} AS line
    FROM pg_constraint con
    JOIN pg_class src ON src.oid = con.conrelid
    JOIN pg_class dst ON dst.oid = con.confrelid
    WHERE con.contype = 'f' AND con.connamespace = 'public'::regnamespace`,
};

/** The catalog a migrated database actually has, in the same line format. */
async function catalogFromDatabase(client: pg.Client): Promise<Catalog> {
  const lines: Catalog = [];
  for (const sql of Object.values(LIVE_QUERIES)) {
    const result = await client.query<{ line: string }>(sql);
    lines.push(...result.rows.map((row) => row.line));
  }
  return lines.sort();
}

type Drift = { onlyInSchema: string[]; onlyInDatabase: string[] };

function compareCatalogs(schema: Catalog, database: Catalog): Drift {
  const inDatabase = new Set(database);
  const inSchema = new Set(schema);
  return {
    onlyInSchema: schema.filter((line) => !inDatabase.has(line)),
    onlyInDatabase: database.filter((line) => !inSchema.has(line)),
  };
}

function formatDrift({ onlyInSchema, onlyInDatabase }: Drift): string {
  if (onlyInSchema.length === 0 && onlyInDatabase.length === 0) return "";
  const section = (title: string, sign: string, lines: string[]) =>
    lines.length > 0 ? [`${title}:`, ...lines.map((line) => `  ${sign} ${line}`)] : [];
  return [
    "schema.prisma and prisma/migrations disagree. Write a new migration (or fix schema.prisma) so that:",
    ...section("in schema.prisma but not in the migrated database", "+", onlyInSchema),
    ...section("in the migrated database but not in schema.prisma", "-", onlyInDatabase),
  ].join("\n");
}

const schemaText = fs.readFileSync(SCHEMA_PATH, "utf8");
let database: TestDatabase;
let live: Catalog;

beforeAll(async () => {
  // A copy of the template: an empty database that went through every migration.
  database = await createTestDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    live = await catalogFromDatabase(client);
  } finally {
    await client.end();
  }
});

afterAll(async () => {
  await database?.drop();
});

describe("schema drift", () => {
  it("the migrated database has exactly the tables, columns, types, keys and indexes of schema.prisma", async () => {
    const expected = await catalogFromSchema(schemaText);
    expect(live.length).toBeGreaterThan(100);
    const drift = formatDrift(compareCatalogs(expected, live));
    if (drift !== "") expect.fail(drift);
  });

  function mutate(from: string | RegExp, to: string): string {
    const changed = schemaText.replace(from, to);
    if (changed === schemaText) throw new Error(`the mutation did not apply: ${String(from)} not found in schema.prisma`);
    return changed;
  }

  it.each([
    {
      change: "a column added to a model",
      schema: () => mutate(/(\n  phone +String\?\n)/, "$1  nickname String? @db.VarChar(20)\n"),
      onlyInSchema: ["column users.nickname: character varying(20)"],
      onlyInDatabase: [],
    },
    {
      change: "a column's type changed",
      schema: () => mutate(/(visitedOn +DateTime +@map\("visited_on"\)) @db\.Date/, "$1"),
      onlyInSchema: ["column visits.visited_on: timestamp(3) without time zone NOT NULL"],
      onlyInDatabase: ["column visits.visited_on: date NOT NULL"],
    },
    {
      change: "a column made optional",
      schema: () => mutate(/consentBasis +String /, "consentBasis String? "),
      onlyInSchema: ["column children.consent_basis: text"],
      onlyInDatabase: ["column children.consent_basis: text NOT NULL"],
    },
    {
      change: "an index removed",
      schema: () => mutate("  @@index([idNumberHash])\n", ""),
      onlyInSchema: [],
      onlyInDatabase: ["index children (id_number_hash)"],
    },
    {
      change: "a unique constraint removed",
      schema: () => mutate(/(loginName +String +)@unique /, "$1"),
      onlyInSchema: [],
      onlyInDatabase: ["unique users (login_name)"],
    },
    {
      change: "a foreign key's onDelete changed",
      schema: () => mutate("references: [id], onDelete: Cascade)\n\n  @@index([userId])", "references: [id], onDelete: Restrict)\n\n  @@index([userId])"),
      onlyInSchema: ["foreign key sessions (user_id) → users (id) ON DELETE RESTRICT ON UPDATE CASCADE"],
      onlyInDatabase: ["foreign key sessions (user_id) → users (id) ON DELETE CASCADE ON UPDATE CASCADE"],
    },
    {
      change: "an enum label added",
      schema: () => mutate("enum Sex {\n  MALE\n  FEMALE\n", "enum Sex {\n  MALE\n  FEMALE\n  OTHER\n"),
      onlyInSchema: ["enum Sex: MALE, FEMALE, OTHER"],
      onlyInDatabase: ["enum Sex: MALE, FEMALE"],
    },
    {
      change: "a table renamed",
      schema: () => mutate('@@map("entitlements")', '@@map("entitlement_records")'),
      onlyInSchema: ["table entitlement_records"],
      onlyInDatabase: ["table entitlements"],
    },
  ])("reports drift when schema.prisma has $change", async ({ schema, onlyInSchema, onlyInDatabase }) => {
    const drift = compareCatalogs(await catalogFromSchema(schema()), live);
    expect(drift.onlyInSchema).toEqual(expect.arrayContaining(onlyInSchema));
    expect(drift.onlyInDatabase).toEqual(expect.arrayContaining(onlyInDatabase));
    if (onlyInSchema.length === 0) expect(drift.onlyInSchema).toEqual([]);
    if (onlyInDatabase.length === 0) expect(drift.onlyInDatabase).toEqual([]);
    expect(formatDrift(drift)).toContain("schema.prisma and prisma/migrations disagree");
  });
});
