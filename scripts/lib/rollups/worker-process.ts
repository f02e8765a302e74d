import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");

export type WorkerProcess = { stop: () => Promise<void> };

/**
 * Starts scripts/rollups-worker.ts next to the Next server, with the same environment (DATABASE_URL and
 * secrets). stop() asks it to finish its batch and waits (at most 15 s), so the database is stopped after it.
 */
export function startRollupWorker(env: NodeJS.ProcessEnv): WorkerProcess {
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", path.join(root, "scripts/rollups-worker.ts")], {
    cwd: root,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
    },
  };
}
