import { DEMO_COUNTY } from "@/prisma/seed/demo-accounts";
import { isSeeded, seedDemo } from "@/prisma/seed/demo";
import { disconnectDb } from "@/lib/server/db";
import { importAreas } from "./areas";

/** First run only: the demo county's areas, then the demo data. Safe to call on every start. */
export async function ensureDemoData(url: string, log: (line: string) => void): Promise<boolean> {
  process.env.DATABASE_URL = url;
  try {
    if (await isSeeded()) return false;
    const started = Date.now();
    const areas = await importAreas(url, { prefix: DEMO_COUNTY });
    const result = await seedDemo();
    log(`Demo data loaded: ${areas.total} areas, ${result.users} users, ${result.children} children (${((Date.now() - started) / 1000).toFixed(1)} s).`);
    return true;
  } finally {
    await disconnectDb();
  }
}
