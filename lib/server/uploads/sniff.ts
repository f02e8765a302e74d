import "server-only";
import { UploadRejectedError } from "./upload-error";

/** The only kinds of file we keep: photos and scans a browser shows inline without running anything. */
export const UPLOAD_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
export type UploadType = (typeof UPLOAD_TYPES)[number];

/** The extension a download of each type carries (the first) and the ones it may already have. */
export const UPLOAD_EXTENSIONS: Record<UploadType, readonly string[]> = {
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
  "image/webp": ["webp"],
  "application/pdf": ["pdf"],
};

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The type from the file's first bytes (its magic number). The browser's declared Content-Type and the
 * file name's extension are chosen by the sender, so they are never trusted: an HTML page renamed to
 * photo.jpg is refused here, whatever it claims to be.
 */
export function sniffContentType(bytes: Uint8Array): UploadType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  return null;
}

/** The sniffed type of an acceptable file; refuses empty, too large and unknown files before anything is stored. */
export function checkUpload(bytes: Uint8Array, maxBytes: number): UploadType {
  if (bytes.byteLength === 0) throw new UploadRejectedError("empty");
  if (bytes.byteLength > maxBytes) throw new UploadRejectedError("tooLarge");
  const type = sniffContentType(bytes);
  if (!type) throw new UploadRejectedError("unsupportedType");
  return type;
}
