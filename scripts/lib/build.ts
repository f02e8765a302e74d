import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { runNextSync } from "./next-bin";

const ROOT = path.resolve(import.meta.dirname, "../..");
const INPUTS = ["app", "components", "lib", "messages", "public", "proxy.ts", "next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
const DIST = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next");
const STAMP = path.join(DIST, "barefoot-build-stamp");

function walk(target: string, out: string[]) {
  if (!fs.existsSync(target)) return;
  const stat = fs.statSync(target);
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(target).sort()) walk(path.join(target, entry), out);
  } else {
    out.push(`${path.relative(ROOT, target)}:${stat.size}:${stat.mtimeMs}`);
  }
}

/** A cheap fingerprint of everything the production build depends on. */
function sourceFingerprint(): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(path.join(ROOT, input), files);
  return crypto.createHash("sha256").update(files.join("\n")).digest("hex");
}

/** Builds only when the sources changed since the last build, so a second `npm start` is quick. */
export function buildIfNeeded(log: (line: string) => void) {
  const fingerprint = sourceFingerprint();
  const built = fs.existsSync(path.join(DIST, "BUILD_ID")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === fingerprint;
  if (built) return;
  log("Building the app (first start or changed sources; about a minute)…");
  const result = runNextSync(["build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build failed; see the output above.");
  fs.writeFileSync(STAMP, fingerprint);
}
