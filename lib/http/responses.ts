import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/session";
import { UploadRejectedError } from "@/lib/server/uploads/upload-error";

// Answers of the JSON route handlers: { error: messageKey }, never a stack trace or a raw message.

export const NO_STORE = { "Cache-Control": "private, no-store" };

const STATUS: Record<DomainError["code"], number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION: 422,
  RATE_LIMITED: 429,
};
const UPLOAD_STATUS: Record<UploadRejectedError["reason"], number> = { tooLarge: 413, unsupportedType: 415, empty: 422 };
const TOO_LARGE = "entitlementDocument.errors.tooLarge";

export function errorJson(status: number, error: string, fieldErrors?: Record<string, string[] | undefined>): Response {
  return Response.json(fieldErrors ? { error, fieldErrors } : { error }, { status, headers: NO_STORE });
}

export function invalidInput(error: z.ZodError): Response {
  const key = error.issues[0]?.message ?? "errors.validation";
  return errorJson(key === TOO_LARGE ? 413 : 422, key, z.flattenError(error).fieldErrors);
}

export function errorResponse(error: unknown, actor: Actor): Response {
  if (error instanceof UploadRejectedError) return errorJson(UPLOAD_STATUS[error.reason], error.messageKey);
  if (error instanceof DomainError) return errorJson(STATUS[error.code], error.messageKey, error.fieldErrors);
  console.error(`[api] request ${actor.requestId} failed`, error);
  return errorJson(500, "errors.internal");
}
