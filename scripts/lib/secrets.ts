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
  const result = {} as Record<(typeof KEYS)[number], string>;
  const missing = KEYS.filter((key) => !process.env[key]);
  // A server that sets every key in its environment never touches the disk (read-only images).
  if (missing.length > 0) {
    const file = path.join(DATA_DIR, "secrets.json");
    const stored: Record<string, string> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
    let changed = false;
    for (const key of missing) {
      if (!stored[key]) {
        stored[key] = crypto.randomBytes(32).toString("base64");
        changed = true;
      }
      process.env[key] = stored[key];
    }
    if (changed) {
      fs.mkdirSync(DATA_DIR, { recursive: true });
      fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
    }
  }
  for (const key of KEYS) result[key] = process.env[key] ?? "";
  return result;
}
