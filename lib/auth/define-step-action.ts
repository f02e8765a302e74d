import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { DomainError } from "@/lib/server/errors";
import type { SessionHolder } from "@/lib/server/session";
import { getSessionHolder } from "./get-actor";

/**
 * defineAction for the step pages (second factor, password change, enrolment), whose sessions may still
 * owe a step and so have no Actor: the same parse → data layer → typed result, with a SessionHolder.
 */
export function defineStepAction<S extends z.ZodType, T>(
  schema: S,
  handler: (holder: SessionHolder, input: z.infer<S>) => Promise<T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw) => {
    let holder: SessionHolder | null = null;
    try {
      holder = await getSessionHolder();
      if (!holder) return { ok: false, error: { code: "UNAUTHENTICATED", message: "errors.unauthenticated" } };
      const input = raw instanceof FormData ? Object.fromEntries([...raw.entries()].filter(([key]) => !key.startsWith("$ACTION"))) : raw;
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
        return { ok: false, error: { code: "VALIDATION", message: "errors.validation", fieldErrors } };
      }
      return { ok: true, data: await handler(holder, parsed.data) };
    } catch (error) {
      if (error instanceof DomainError) {
        return { ok: false, error: { code: error.code, message: error.messageKey, fieldErrors: error.fieldErrors } };
      }
      console.error(`[action] request ${holder?.requestId ?? crypto.randomUUID()} failed`, error);
      return { ok: false, error: { code: "INTERNAL", message: "errors.internal" } };
    }
  };
}
