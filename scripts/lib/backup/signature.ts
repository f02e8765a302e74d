import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const SIGNATURE_FILE = "manifest.json.sig";
const PREFIX = "hmac-sha256:";

/**
 * The manifest's checksums catch a damaged file, not an edit that also fixes the manifest: the manifest
 * is signed with a key the backup does not hold. BACKUP_SIGNING_KEY, else FIELD_HASH_KEY (every
 * deployment has it); either way a key derived for this one use, so the signature reveals nothing else.
 */
export function backupSigningKey(env: Record<string, string | undefined> = process.env): Buffer {
  const secret = env.BACKUP_SIGNING_KEY || env.FIELD_HASH_KEY;
  if (!secret || secret.length < 16) {
    throw new Error("Set BACKUP_SIGNING_KEY (or FIELD_HASH_KEY), at least 16 characters: backups are signed with it.");
  }
  return crypto.createHmac("sha256", secret).update("barefoot backup manifest v1").digest();
}

function sign(key: Buffer, manifestBytes: Buffer): string {
  return crypto.createHmac("sha256", key).update(manifestBytes).digest("hex");
}

export function writeSignature(dir: string, manifestBytes: Buffer, key: Buffer): void {
  fs.writeFileSync(path.join(dir, SIGNATURE_FILE), `${PREFIX}${sign(key, manifestBytes)}\n`, { mode: 0o600, flag: "wx" });
}

/** Refuses a manifest without a signature or with one made by another key or over other bytes. */
export function verifySignature(dir: string, manifestBytes: Buffer, key: Buffer): void {
  const file = path.join(dir, SIGNATURE_FILE);
  if (!fs.existsSync(file)) throw new Error(`${SIGNATURE_FILE} not found: the backup is unsigned; refusing to restore it.`);
  const stored = fs.readFileSync(file, "utf8").trim();
  const expected = `${PREFIX}${sign(key, manifestBytes)}`;
  const same = stored.length === expected.length && crypto.timingSafeEqual(Buffer.from(stored), Buffer.from(expected));
  if (!same) {
    throw new Error(`The manifest's signature does not match: the backup was edited, or it was signed with another BACKUP_SIGNING_KEY.`);
  }
}
