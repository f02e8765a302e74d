import { SECOND_FACTOR_ROLES } from "@/lib/domain/roles";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";

/**
 * The one TOTP secret of every demo account whose role requires a second factor (county and above, admin,
 * auditor). Public on purpose, like the demo password: `npm run demo:code` prints its current code, and
 * the browser tests compute it. A real deployment's users enrol their own secrets.
 */
export const DEMO_TOTP_SECRET = "KRUGKIDROVUWG2ZAMJZG653OEBTG66BA";

export function printDemoAccounts(baseUrl: string) {
  const rows = DEMO_ACCOUNTS.map(
    (a) => `  ${a.loginName.padEnd(11)} ${a.role.padEnd(20)} ${(a.areaCode || "(nation)").padEnd(13)}${SECOND_FACTOR_ROLES.includes(a.role) ? " + code" : ""}`,
  );
  console.log(
    [
      "",
      `Barefoot is running at ${baseUrl}`,
      `Demo accounts (password for all: ${DEMO_PASSWORD}):`,
      `  ${"login".padEnd(11)} ${"role".padEnd(20)} area`,
      ...rows,
      `"+ code": a second step asks for a 6-digit code; \`npm run demo:code\` prints it (authenticator secret ${DEMO_TOTP_SECRET}).`,
      "",
    ].join("\n"),
  );
}
