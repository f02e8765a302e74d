import { ensureDemoData } from "./lib/demo";
import { runScript } from "./lib/run-script";

await runScript("Seeding", async (db) => {
  const seeded = await ensureDemoData(db.url, console.log);
  if (!seeded) console.log("Demo data already present; nothing changed.");
});
