import "server-only";
import crypto from "node:crypto";
import { serverEnv } from "./env";

// Identifiers are encrypted at rest (PIPL; domain.md "Law"): ID numbers, phone numbers and addresses.
// Lookups use a keyed hash, so an exact ID-number match never needs to decrypt a table.

/** What encryptField writes: "v1:<iv>:<tag>:<body>", base64 parts. */
const CIPHERTEXT = /^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/;

export function isEncrypted(stored: string): boolean {
  return CIPHERTEXT.test(stored);
}

export function encryptField(plain: string): string {
  const key = Buffer.from(serverEnv().FIELD_ENCRYPTION_KEY, "base64");
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(":");
}

export function decryptField(stored: string): string {
  const [version, iv, tag, body] = stored.split(":");
  if (version !== "v1" || !iv || !tag || !body) throw new Error("Unknown field encryption format");
  const key = Buffer.from(serverEnv().FIELD_ENCRYPTION_KEY, "base64");
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
  } catch (cause) {
    // GCM's tag check fails on any other key: say so, rather than Node's "unable to authenticate data".
    throw new Error("A stored field does not decrypt: FIELD_ENCRYPTION_KEY is not the key it was encrypted with", { cause });
  }
}

/** Optional identifiers (phones): "" and null both mean "none" and stay null, so presence checks keep working. */
export function encryptOptional(plain: string | null | undefined): string | null {
  return plain ? encryptField(plain) : null;
}

export function decryptOptional(stored: string | null): string | null {
  return stored ? decryptField(stored) : null;
}

export function blindIndex(plain: string): string {
  const key = Buffer.from(serverEnv().FIELD_HASH_KEY, "base64");
  return crypto.createHmac("sha256", key).update(plain).digest("hex");
}
