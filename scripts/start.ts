import { buildIfNeeded } from "./lib/build";
import { printDemoAccounts } from "./lib/accounts";
import { spawnNext } from "./lib/next-bin";
import { resolveDatabase } from "./lib/database";
import { ensureDemoData } from "./lib/demo";
import { isPortFree, StartupError } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrations";
import { startRollupWorker } from "./lib/rollups/worker-process";
import { ensureRollups } from "./lib/rollups/ensure-rollups";
import { loadLocalSecrets } from "./lib/secrets";

const log = (line: string) => console.log(`[barefoot] ${line}`);

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new StartupError(`PORT must be a port number, got "${process.env.PORT}".`);
  if (!(await isPortFree(port))) throw new StartupError(`Port ${port} is already in use. Stop the other process or start with PORT=3001 npm start.`);
  loadLocalSecrets();
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  const db = await resolveDatabase();
  log(db.embedded ? "Embedded PostgreSQL started (data in .data/postgres)." : "Using DATABASE_URL.");
  process.env.DATABASE_URL = db.url;
  const ran = await applyMigrations(db.url);
  if (ran.length) log(`Applied migrations: ${ran.join(", ")}`);
  await ensureDemoData(db.url, log);
  await ensureRollups(db.url, log);
  buildIfNeeded(log);

  const server = spawnNext(["start", "-p", String(port)], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const worker = startRollupWorker(process.env);
  printDemoAccounts(process.env.NEXTAUTH_URL);
  const shutdown = async (code: number) => {
    server.kill("SIGTERM");
    await worker.stop();
    await db.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  server.on("exit", (code) => void shutdown(code ?? 1));
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) {
    console.error(`[barefoot] ✖ ${error.message}`);
  } else {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    console.error(`[barefoot] ✖ Start failed: ${message}`);
    if (process.env.DEBUG) console.error(error);
  }
  process.exit(1);
});
