import { resolveDatabase } from "./lib/database";
import { ensureDemoData } from "./lib/demo";
import { applyMigrations } from "./lib/migrations";
import { loadLocalSecrets } from "./lib/secrets";

loadLocalSecrets();
const db = await resolveDatabase();
try {
  await applyMigrations(db.url);
  const seeded = await ensureDemoData(db.url, console.log);
  if (!seeded) console.log("Demo data already present; nothing changed.");
} finally {
  await db.stop();
}
