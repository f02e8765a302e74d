import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DATA_DIR } from "./database";

const KEYS = ["NEXTAUTH_SECRET", "FIELD_ENCRYPTION_KEY", "FIELD_HASH_KEY"] as const;

/**
 * Local runs get random secrets kept in .data/secrets.json (git-ignored) so sessions and encrypted
 * fields survive restarts; servers set them in the environment, which always wins.
 */
export function loadLocalSecrets(): Record<(typeof KEYS)[number], string> {
  const file = path.join(DATA_DIR, "secrets.json");
  let stored: Record<string, string> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, "utf8"));
  let changed = false;
  for (const key of KEYS) {
    if (!stored[key]) {
      stored[key] = crypto.randomBytes(32).toString("base64");
      changed = true;
    }
  }
  if (changed) {
    fs.mkdirSync(DATA_DIR, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  const result = {} as Record<(typeof KEYS)[number], string>;
  for (const key of KEYS) {
    result[key] = process.env[key] || stored[key] || "";
    process.env[key] = result[key];
  }
  return result;
}
