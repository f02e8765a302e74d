import "server-only";
import crypto from "node:crypto";
import { serverEnv } from "./env";

// Identifiers are encrypted at rest (PIPL; domain.md "Law"). Lookups use a keyed hash, so an exact
// ID-number match never needs to decrypt a table.
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
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
}

export function blindIndex(plain: string): string {
  const key = Buffer.from(serverEnv().FIELD_HASH_KEY, "base64");
  return crypto.createHmac("sha256", key).update(plain).digest("hex");
}
