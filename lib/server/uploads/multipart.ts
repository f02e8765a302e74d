import "server-only";
import { ValidationError } from "../errors";
import { UploadRejectedError } from "./upload-error";

// Room for the multipart boundaries, part headers and the small text fields around the one file.
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** The stream's bytes, or null as soon as it passes `limit` (the rest is never read into memory). */
export async function readAtMost(stream: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * A multipart form holding one file of at most `maxFileBytes`. A too large request is refused from its
 * Content-Length, or, when that is missing or wrong, once the bytes read pass the limit: a 1 GB upload
 * never fills the server's memory.
 */
export async function readMultipartForm(request: Request, maxFileBytes: number): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) throw new ValidationError({ file: ["entitlementDocument.errors.fileMissing"] }, "entitlementDocument.errors.fileMissing");
  const limit = maxFileBytes + FORM_OVERHEAD_BYTES;
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw new UploadRejectedError("tooLarge");
  let body: Uint8Array<ArrayBuffer> | null;
  try {
    body = await readAtMost(request.body, limit);
  } catch {
    // The sender went away mid-upload: nothing to keep, and not our failure.
    throw new ValidationError({ file: ["entitlementDocument.errors.fileMissing"] }, "entitlementDocument.errors.fileMissing");
  }
  if (!body) throw new UploadRejectedError("tooLarge");
  try {
    return await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    throw new ValidationError({ file: ["entitlementDocument.errors.fileMissing"] }, "entitlementDocument.errors.fileMissing");
  }
}
