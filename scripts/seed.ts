import { resolveDatabase } from "./lib/database";
import { ensureDemoData } from "./lib/demo";
import { applyMigrations } from "./lib/migrations";
import { loadLocalSecrets } from "./lib/secrets";

try {
  loadLocalSecrets();
  const db = await resolveDatabase();
  try {
    await applyMigrations(db.url);
    const seeded = await ensureDemoData(db.url, console.log);
    if (!seeded) console.log("Demo data already present; nothing changed.");
  } finally {
    await db.stop();
  }
  process.exit(0);
} catch (error) {
  console.error(`✖ Seeding failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  process.exit(1);
}
