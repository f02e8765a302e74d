import { db, disconnectDb } from "@/lib/server/db";
import { unsafeRebuildRollups } from "@/lib/server/rollups/rebuild";

/**
 * A database with case data but no rollups yet (the demo just loaded, or seeded before rollups existed)
 * gets one full rebuild, so the dashboards have numbers at once; afterwards the worker keeps them fresh.
 */
export async function ensureRollups(url: string, log: (line: string) => void): Promise<void> {
  process.env.DATABASE_URL = url;
  try {
    const [row] = await db().$queryRaw<{ present: boolean }[]>`SELECT EXISTS (SELECT 1 FROM indicator_rollups) AS present`;
    if (row?.present) return;
    const result = await unsafeRebuildRollups();
    log(`Dashboard rollups built: ${result.villages} villages, ${result.rows} rows (${(result.ms / 1000).toFixed(1)} s).`);
  } finally {
    await disconnectDb();
  }
}
