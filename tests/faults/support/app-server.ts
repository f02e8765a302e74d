import { type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { spawnNext } from "@/scripts/lib/next-bin";

const ROOT = path.resolve(import.meta.dirname, "../../..");

export type AppServer = {
  base: string;
  /** SIGKILL to the server's whole process group: no shutdown hooks, no rollback by the app. */
  kill: () => Promise<void>;
  start: () => Promise<void>;
  isRunning: () => boolean;
  /** Everything the server printed, for the failure report. */
  output: () => string;
};

export function actionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next", "server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === file && entry.exportedName === exportedName);
  if (!found) throw new Error(`No server action ${exportedName} of ${file} in the build's manifest.`);
  return found[0];
}

async function waitForHealth(base: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app at ${base} did not answer /api/health within ${timeoutMs / 1000} s.`);
}

/** `next start` of the build in NEXT_DIST_DIR, with the environment the caller set up. */
export function appServer(port: number): AppServer {
  const base = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let log = "";
  const start = async () => {
    // Its own process group, so that kill reaches the server and nothing else.
    child = spawnNext(["start", "-p", String(port), "-H", "127.0.0.1"], { cwd: ROOT, env: process.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    child.stdout?.on("data", (chunk) => (log += String(chunk)));
    child.stderr?.on("data", (chunk) => (log += String(chunk)));
    await waitForHealth(base, 60_000);
  };
  const kill = async () => {
    const running = child;
    if (!running?.pid || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    process.kill(-running.pid, "SIGKILL");
    await exited;
  };
  return { base, start, kill, isRunning: () => !!child && child.exitCode === null && child.signalCode === null, output: () => log };
}
