import { setTimeout as sleep } from "node:timers/promises";
import { disconnectDb } from "@/lib/server/db";
import { unsafeRefreshAllDirty } from "@/lib/server/rollups/refresh";
import { ensureRollups } from "./lib/rollups/ensure-rollups";
import { loadLocalSecrets } from "./lib/secrets";

// npm run rollups:worker (started by `npm start` and the e2e server): every 10 s, recomputes the villages the
// case-table triggers marked dirty, and their ancestors, so dashboards lag writes by well under 60 s.
// Uses DATABASE_URL as given (never starts a database). SIGINT/SIGTERM: the current batch finishes, then exit 0.

const INTERVAL_MS = 10_000;
const stopping = new AbortController();
const log = (line: string) => console.log(`[rollups] ${line}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stopping.abort());

async function main() {
  loadLocalSecrets();
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set.");
  // On its own (the Docker service) the worker is the one to build missing rollups; after `npm start` it finds them.
  await ensureRollups(process.env.DATABASE_URL, log);
  while (!stopping.signal.aborted) {
    try {
      const villages = await unsafeRefreshAllDirty();
      if (villages > 0 && process.env.ROLLUPS_VERBOSE) log(`Refreshed ${villages} villages.`);
    } catch (error) {
      // A failed batch rolls back and keeps its marks: the next tick retries. Quiet while shutting down.
      if (!stopping.signal.aborted) log(`Refresh failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    }
    await sleep(INTERVAL_MS, undefined, { signal: stopping.signal }).catch(() => undefined);
  }
  await disconnectDb().catch(() => undefined);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[rollups] ✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
