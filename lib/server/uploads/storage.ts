import "server-only";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { serverEnv } from "../env";

const KEY = /^[0-9a-f]{32}$/;

/** Random keys only: a key is never made from what the user sent, so it cannot name another path. */
export function isStorageKey(value: unknown): value is string {
  return typeof value === "string" && KEY.test(value);
}

/** The folder for `setting` (UPLOAD_DIR; default .data/uploads) from `projectRoot`; never public/, which Next.js serves to anyone. */
export function resolveUploadRoot(setting: string | undefined, projectRoot: string): string {
  const root = path.resolve(projectRoot, setting ?? ".data/uploads");
  const publicDir = path.resolve(projectRoot, "public");
  if (root === publicDir || root.startsWith(publicDir + path.sep)) throw new Error("UPLOAD_DIR must not be under public/");
  return root;
}

/** UPLOAD_DIR/<first 2 characters of the key>/<key>: a valid key cannot step out of the folder. */
export function storagePath(root: string, key: string): string {
  if (!isStorageKey(key)) throw new Error("Invalid storage key");
  return path.join(root, key.slice(0, 2), key);
}

function pathFor(key: string): string {
  return storagePath(resolveUploadRoot(serverEnv().UPLOAD_DIR, process.cwd()), key);
}

export type StoredUpload = { key: string; sha256: string; sizeBytes: number };

/**
 * Writes the bytes under a new random key, readable by the server's user only (files 0600, folders
 * 0700). `wx` never overwrites: a key collision fails instead of replacing someone's document.
 */
export async function saveUpload(bytes: Uint8Array): Promise<StoredUpload> {
  const key = crypto.randomBytes(16).toString("hex");
  const file = pathFor(key);
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await fs.writeFile(file, bytes, { flag: "wx", mode: 0o600 });
  return { key, sha256: crypto.createHash("sha256").update(bytes).digest("hex"), sizeBytes: bytes.byteLength };
}

export async function readUpload(key: string): Promise<Buffer> {
  return fs.readFile(pathFor(key));
}

/** Only for undoing a save whose database row was never committed; removed documents keep their file. */
export async function discardUpload(key: string): Promise<void> {
  await fs.rm(pathFor(key), { force: true });
}
