import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { getActor } from "@/lib/auth/get-actor";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/session";
import type { ActionResult } from "./result";

function toPlainInput(raw: unknown): unknown {
  if (raw instanceof FormData) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of raw.entries()) {
      // React adds $ACTION_* fields to progressively enhanced forms; they are not user input.
      if (key.startsWith("$ACTION")) continue;
      out[key] = key in out ? ([] as unknown[]).concat(out[key], value) : value;
    }
    return out;
  }
  return raw;
}

/**
 * The one shape of every server action: session → strict parse → data layer → typed result.
 * Unexpected errors are logged with a request id and never reach the client.
 */
export function defineAction<S extends z.ZodType, T>(
  schema: S,
  handler: (actor: Actor, input: z.infer<S>) => Promise<T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw) => {
    let actor: Actor | null = null;
    try {
      actor = await getActor();
      if (!actor) return { ok: false, error: { code: "UNAUTHENTICATED", message: "errors.unauthenticated" } };
      const parsed = schema.safeParse(toPlainInput(raw));
      if (!parsed.success) {
        return {
          ok: false,
          error: {
            code: "VALIDATION",
            message: "errors.validation",
            fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
          },
        };
      }
      return { ok: true, data: await handler(actor, parsed.data) };
    } catch (error) {
      if (error instanceof DomainError) {
        return { ok: false, error: { code: error.code, message: error.messageKey, fieldErrors: error.fieldErrors } };
      }
      const requestId = actor?.requestId ?? crypto.randomUUID();
      console.error(`[action] request ${requestId} failed`, error);
      return { ok: false, error: { code: "INTERNAL", message: "errors.internal" } };
    }
  };
}
