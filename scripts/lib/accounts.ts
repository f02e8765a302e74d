import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";

export function printDemoAccounts(baseUrl: string) {
  const rows = DEMO_ACCOUNTS.map((a) => `  ${a.loginName.padEnd(11)} ${a.role.padEnd(20)} ${a.areaCode || "(nation)"}`);
  console.log(
    [
      "",
      `Barefoot is running at ${baseUrl}`,
      `Demo accounts (password for all: ${DEMO_PASSWORD}):`,
      `  ${"login".padEnd(11)} ${"role".padEnd(20)} area`,
      ...rows,
      "",
    ].join("\n"),
  );
}
