import { applyMigrations } from "./lib/migrations";
import { resolveDatabase } from "./lib/database";

const db = await resolveDatabase();
try {
  const ran = await applyMigrations(db.url);
  console.log(ran.length ? `Applied ${ran.join(", ")}` : "Database is up to date.");
} finally {
  await db.stop();
}
