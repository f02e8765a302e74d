// npm run db:restore -- --from <folder>: restores a db:backup folder into an EMPTY database
// (DATABASE_URL, or the embedded one). Checksums, schema and row counts are checked; all or nothing.
import path from "node:path";
import { readFolderArgument, runBackupCommand } from "./lib/backup/cli";
import { restoreBackup } from "./lib/backup/restore-backup";

const USAGE = "npm run db:restore -- --from <folder>";

await runBackupCommand("Restore", async (db) => {
  const from = readFolderArgument(process.argv.slice(2), "--from", USAGE);
  if (!from) throw new Error(`--from is required. Usage: ${USAGE}`);
  const { tables, rows } = await restoreBackup(db.url, path.resolve(from));
  console.log(`✔ Restored ${tables} tables, ${rows.toLocaleString("en")} rows, from ${path.resolve(from)}`);
});
