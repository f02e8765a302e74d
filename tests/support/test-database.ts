import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";

export type TestDatabase = { name: string; url: string; drop: () => Promise<void> };

function urlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function runAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh copy of the migrated template database, for one test file (call it in beforeAll). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `barefoot_test_${crypto.randomBytes(6).toString("hex")}`;
  await runAdmin(`CREATE DATABASE "${name}" TEMPLATE "${inject("templateDatabase")}"`);
  return {
    name,
    url: urlFor(inject("adminDatabaseUrl"), name),
    // FORCE: a pool someone forgot to close must not leave copies behind on a shared server.
    drop: () => runAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

const closeHooks = new Set<() => unknown>();

/**
 * Runs `fn` before each test database is dropped, e.g. `onTestDatabaseClose(disconnectDb)` so the
 * data layer's pool closes cleanly instead of being cut off by DROP DATABASE … WITH (FORCE).
 */
export function onTestDatabaseClose(fn: () => unknown): void {
  closeHooks.add(fn);
}

/**
 * Gives the calling test file its own database and points DATABASE_URL (read lazily by
 * lib/server/db.ts) at it for the file's duration. Returns a getter for the URL.
 */
export function setupTestDatabase(): () => string {
  let database: TestDatabase | undefined;
  let previousUrl: string | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    previousUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = database.url;
  });
  afterAll(async () => {
    for (const close of closeHooks) await close();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    await database?.drop();
  });
  return () => {
    if (!database) throw new Error("The test database is created in beforeAll; read its URL inside a hook or test.");
    return database.url;
  };
}
