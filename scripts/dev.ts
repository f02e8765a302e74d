import { spawnNext } from "./lib/next-bin";
import { resolveDatabase } from "./lib/database";
import { ensureDemoData } from "./lib/demo";
import { StartupError } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrations";
import { loadLocalSecrets } from "./lib/secrets";

// Same database set-up as `npm start`, then the Next.js dev server with hot reload.
try {
  const port = Number(process.env.PORT ?? 3000);
  loadLocalSecrets();
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  const db = await resolveDatabase();
  process.env.DATABASE_URL = db.url;
  await applyMigrations(db.url);
  await ensureDemoData(db.url, console.log);
  const server = spawnNext(["dev", "-p", String(port)], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const stop = async () => {
    server.kill("SIGTERM");
    await db.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  server.on("exit", () => void stop());
} catch (error) {
  console.error(`[barefoot] ✖ ${error instanceof StartupError ? error.message : error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  process.exit(1);
}
