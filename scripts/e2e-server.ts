import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnNext } from "./lib/next-bin";
import { buildIfNeeded } from "./lib/build";
import { ensureDemoData } from "./lib/demo";
import { findFreePort, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrations";
import { ensureRollups } from "./lib/rollups/ensure-rollups";
import { startRollupWorker } from "./lib/rollups/worker-process";

// The browser tests' server: a throwaway database with the demo data and the production build,
// so the tests see exactly what `npm start` serves.
const port = Number(process.env.E2E_PORT ?? 3210);
for (const key of ["NEXTAUTH_SECRET", "FIELD_ENCRYPTION_KEY", "FIELD_HASH_KEY"]) {
  process.env[key] ??= crypto.randomBytes(32).toString("base64");
}
process.env.NEXTAUTH_URL = `http://127.0.0.1:${port}`;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "barefoot-e2e-"));
fs.chmodSync(dataDir, 0o755);
// Uploaded document photos stay with the throwaway database, not in the project's .data folder.
process.env.UPLOAD_DIR ??= path.join(dataDir, "uploads");
const db = process.env.TEST_DATABASE_URL
  ? { url: process.env.TEST_DATABASE_URL, stop: async () => undefined }
  : await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: await findFreePort(), database: "barefoot_e2e", persistent: false });
process.env.DATABASE_URL = db.url;
await applyMigrations(db.url);
await ensureDemoData(db.url, console.log);
await ensureRollups(db.url, console.log);
buildIfNeeded(console.log);

const server = spawnNext(["start", "-p", String(port), "-H", "127.0.0.1"], { stdio: "inherit", env: process.env });
const worker = startRollupWorker(process.env);
const stop = async () => {
  server.kill("SIGTERM");
  await worker.stop();
  await db.stop().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
server.on("exit", () => void stop());
