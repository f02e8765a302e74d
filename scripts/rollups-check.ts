import { unsafeCheckRollups } from "@/lib/server/rollups/check";
import { disconnectDb } from "@/lib/server/db";
import { runScript } from "./lib/run-script";

// npm run rollups:check: recomputes every village live from the case tables and every upper level from the
// village rows, and compares with the stored rollups. Prints the differences; exit code 1 if there are any.
// Villages changed in the last seconds differ until the worker has refreshed them (within 10 s).

let differences = 0;
await runScript("Rollup check", async () => {
  const started = Date.now();
  const found = await unsafeCheckRollups();
  await disconnectDb();
  for (const d of found.slice(0, 200)) {
    console.log(`${d.areaCode || "(nation)"} ${d.period} ${d.indicator} ${d.breakdown || "(total)"}: stored ${d.stored}, live ${d.live}`);
  }
  if (found.length > 200) console.log(`… and ${found.length - 200} more.`);
  differences = found.length;
  console.log(differences ? `✖ ${differences} differences.` : `Rollups match the case tables (${((Date.now() - started) / 1000).toFixed(1)} s).`);
  if (differences) throw new Error(`${differences} rollup rows differ from a live recomputation`);
});
