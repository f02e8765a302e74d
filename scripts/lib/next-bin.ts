import { spawn, spawnSync, type SpawnOptions } from "node:child_process";
import { createRequire } from "node:module";

// Run Next's CLI with this Node directly (not through npx), so signals reach the server itself
// and stopping `npm start` never leaves an orphaned next-server behind.
const nextCli = createRequire(import.meta.url).resolve("next/dist/bin/next");

export function spawnNext(args: string[], options: SpawnOptions) {
  return spawn(process.execPath, [nextCli, ...args], options);
}

export function runNextSync(args: string[], options: Parameters<typeof spawnSync>[2]) {
  return spawnSync(process.execPath, [nextCli, ...args], options);
}
