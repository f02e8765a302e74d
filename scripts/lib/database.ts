import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, StartupError } from "./embedded-postgres";

export type Database = { url: string; embedded: boolean; stop: () => Promise<void> };

export const DATA_DIR = path.resolve(import.meta.dirname, "../../.data");

/** DATABASE_URL when set (no embedded server), else the embedded PostgreSQL in .data/postgres. */
export async function resolveDatabase(): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external) {
    await assertReachable(external);
    return { url: external, embedded: false, stop: async () => undefined };
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new StartupError(`EMBEDDED_PG_PORT must be a port number, got "${process.env.EMBEDDED_PG_PORT}".`);
  }
  const db = await startEmbeddedPostgres({
    dataDir: path.join(DATA_DIR, "postgres"),
    port,
    database: "barefoot",
    persistent: true,
  });
  return { ...db, embedded: true };
}

export async function assertReachable(url: string) {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StartupError(`DATABASE_URL is not a valid URL. Expected postgresql://user:password@host:5432/database.`);
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new StartupError(`DATABASE_URL must start with postgresql://, got "${parsed.protocol}//".`);
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new StartupError(
      `Cannot connect to DATABASE_URL (${parsed.host}${parsed.pathname}): ${reason}. ` +
        `Check the URL, or unset DATABASE_URL to use the embedded PostgreSQL.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
