// npm run db:backup [-- --out <folder>]: a logical backup of the whole database (every table of
// schema public as a COPY text file, plus manifest.json with row counts and sha256 checksums).
import path from "node:path";
import { createBackup } from "./lib/backup/create-backup";
import { readFolderArgument, runBackupCommand } from "./lib/backup/cli";
import { DATA_DIR } from "./lib/database";

const USAGE = "npm run db:backup -- --out <folder>";

await runBackupCommand("Backup", async (db) => {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const out = path.resolve(readFolderArgument(process.argv.slice(2), "--out", USAGE) ?? path.join(DATA_DIR, "backups", stamp));
  const manifest = await createBackup(db.url, out);
  const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
  console.log(`✔ Backed up ${manifest.tables.length} tables, ${rows.toLocaleString("en")} rows, to ${out}`);
  console.log("  It holds children's personal data: keep it encrypted and access-controlled, like the database.");
});
