import { unsafeRebuildRollups } from "@/lib/server/rollups/rebuild";
import { disconnectDb } from "@/lib/server/db";
import { runScript } from "./lib/run-script";

// npm run rollups:rebuild: recomputes every village's indicator rows (stock: this month; flow: the last
// TREND_MONTHS months) and every upper level from them. Idempotent: safe to run at any time, also while the
// app and the worker run (writers of rollups take turns on one lock).

await runScript("Rollup rebuild", async () => {
  const result = await unsafeRebuildRollups({
    onBatch: (done) => process.stdout.write(`\r${done} villages…`),
  });
  process.stdout.write("\n");
  console.log(`Rebuilt ${result.villages} villages in ${result.batches} batches: ${result.rows} rows, ${(result.ms / 1000).toFixed(1)} s.`);
  await disconnectDb();
});
