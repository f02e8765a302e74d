import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, findFreePort, type EmbeddedDatabase } from "../../scripts/lib/embedded-postgres";
import { applyMigrations } from "../../scripts/lib/migrations";

declare module "vitest" {
  interface ProvidedContext {
    /** A role allowed to CREATE DATABASE; the database in the URL is only used for admin commands. */
    adminDatabaseUrl: string;
    /** Migrated once per run; each test file copies it with CREATE DATABASE … TEMPLATE. */
    templateDatabase: string;
  }
}

const TEMPLATE_DATABASE = "barefoot_template";

function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** Migrates one template database (on TEST_DATABASE_URL's server or a throwaway embedded PostgreSQL). */
export default async function setup(project: TestProject) {
  let server: EmbeddedDatabase | undefined;
  let tempDir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "barefoot-test-pg-"));
    // mkdtemp makes the folder 0700; as root, PostgreSQL runs as the `postgres` user and must traverse it.
    fs.chmodSync(tempDir, 0o755);
    server = await startEmbeddedPostgres({
      dataDir: path.join(tempDir, "data"),
      port: await findFreePort(),
      database: "postgres",
      persistent: false,
      quiet: true,
    });
    adminUrl = server.url;
  }

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${TEMPLATE_DATABASE}" TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  await applyMigrations(databaseUrl(adminUrl, TEMPLATE_DATABASE));

  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("templateDatabase", TEMPLATE_DATABASE);

  return async () => {
    await server?.stop();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  };
}
