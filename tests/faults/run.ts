import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded } from "@/scripts/lib/build";
import { ensureDemoData } from "@/scripts/lib/demo";
import { findFreePort } from "@/scripts/lib/embedded-postgres";
import { applyMigrations } from "@/scripts/lib/migrations";
import { crashMidTransaction } from "./crash-mid-transaction";
import { restartUnderLoad } from "./restart-under-load";
import { appServer, type AppServer } from "./support/app-server";
import { startCluster, type Cluster } from "./support/cluster";

// `npm run test:faults`: the production build against a throwaway PostgreSQL, then a server killed
// mid-transaction and a database restarted under load (issue 7, "Reliability under faults").
const log = (line: string) => console.log(`[faults] ${line}`);
for (const key of ["NEXTAUTH_SECRET", "FIELD_ENCRYPTION_KEY", "FIELD_HASH_KEY"]) {
  process.env[key] ??= crypto.randomBytes(32).toString("base64");
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "barefoot-faults-"));
fs.chmodSync(dir, 0o755);
process.env.UPLOAD_DIR = path.join(dir, "uploads");
let cluster: Cluster | null = null;
let app: AppServer | null = null;
let failed = false;
const started = Date.now();
try {
  cluster = await startCluster(dir);
  process.env.DATABASE_URL = cluster.url;
  await applyMigrations(cluster.url);
  await ensureDemoData(cluster.url, log);
  buildIfNeeded(log);
  const port = Number(process.env.FAULTS_PORT ?? (await findFreePort()));
  process.env.NEXTAUTH_URL = `http://127.0.0.1:${port}`;
  app = appServer(port);
  await app.start();
  await crashMidTransaction(app, cluster.url, log);
  await restartUnderLoad(app, cluster, log);
  log(`passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} catch (error) {
  failed = true;
  console.error("[faults] FAILED:", error);
  if (app) console.error(`[faults] last server output:\n${app.output().split("\n").slice(-40).join("\n")}`);
} finally {
  await app?.kill().catch(() => undefined);
  await cluster?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
// An explicit exit: embedded-postgres's exit hooks must not decide the code (see scripts/lib/embedded-postgres.ts).
process.exit(failed ? 1 : 0);
