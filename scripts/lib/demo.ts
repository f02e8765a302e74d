import { SECOND_FACTOR_ROLES } from "@/lib/domain/roles";
import { DEMO_ACCOUNTS, DEMO_COUNTY } from "@/prisma/seed/demo-accounts";
import { isSeeded, seedDemo } from "@/prisma/seed/demo";
import { db, disconnectDb } from "@/lib/server/db";
import { encryptField } from "@/lib/server/field-crypto";
import { DEMO_TOTP_SECRET } from "./accounts";
import { importAreas } from "./areas";

/** First run only: the demo county's areas, then the demo data. Safe to call on every start. */
export async function ensureDemoData(url: string, log: (line: string) => void): Promise<boolean> {
  process.env.DATABASE_URL = url;
  try {
    if (await isSeeded()) {
      await ensureDemoSecondFactor();
      return false;
    }
    const started = Date.now();
    const areas = await importAreas(url, { prefix: DEMO_COUNTY });
    const result = await seedDemo();
    await ensureDemoSecondFactor();
    log(`Demo data loaded: ${areas.total} areas, ${result.users} users, ${result.children} children (${((Date.now() - started) / 1000).toFixed(1)} s).`);
    return true;
  } finally {
    await disconnectDb();
  }
}

/**
 * The demo accounts whose role requires a second factor get the one public demo secret, so the demo stays
 * usable with `npm run demo:code`; also applied to a database seeded before second factors existed.
 * Demo users keep the demo password (must_change_password stays false).
 */
async function ensureDemoSecondFactor(): Promise<void> {
  const loginNames = DEMO_ACCOUNTS.filter((a) => SECOND_FACTOR_ROLES.includes(a.role)).map((a) => a.loginName);
  await db().user.updateMany({
    where: { loginName: { in: loginNames }, totpEnabledAt: null },
    data: { totpSecret: encryptField(DEMO_TOTP_SECRET), totpEnabledAt: new Date(), mustChangePassword: false },
  });
}
