import "server-only";
import { UPLOAD_EXTENSIONS, type UploadType } from "./sniff";

const MAX_LENGTH = 100;

/**
 * The name shown and offered on download: the last path segment only, without control or invisible
 * formatting characters (a right-to-left override can make "gpj.exe" look like "exe.jpg"), at most 100
 * characters, and ending in the extension of the type we sniffed. It is never used on disk.
 */
export function sanitizeFileName(raw: string, type: UploadType): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "")
    .replace(/[:*?"<>|]/g, "_")
    .replace(/\s+/gu, " ")
    .trim();
  const dot = cleaned.lastIndexOf(".");
  const given = dot > 0 ? cleaned.slice(dot + 1) : "";
  const keepsExtension = UPLOAD_EXTENSIONS[type].includes(given.toLowerCase());
  const extension = keepsExtension ? given : UPLOAD_EXTENSIONS[type][0]!;
  const stem = (keepsExtension ? cleaned.slice(0, dot) : cleaned).trim() || "document";
  const room = MAX_LENGTH - extension.length - 1;
  return `${[...stem].slice(0, room).join("").trim()}.${extension}`;
}

/** RFC 6266 / 8187: the UTF-8 name, percent-encoded, so Chinese names survive and nothing breaks the header. */
export function contentDisposition(fileName: string, disposition: "inline" | "attachment" = "inline"): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename*=UTF-8''${encoded}`;
}
