"use client";
import { useState } from "react";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";

export type FieldErrors = Record<string, string[] | undefined>;

/**
 * The one submit flow of a form: parse with the action's own zod schema in the browser (field errors at
 * once, no round trip), call the server action, and keep its field errors and message key. Messages are
 * i18n keys; a network failure becomes errors.internal. Returns the action's data on success.
 */
export function useActionForm<S extends z.ZodType, T>(schema: S, action: (input: z.infer<S>) => Promise<ActionResult<T>>) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(input: unknown): Promise<T | null> {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      setErrors(z.flattenError(parsed.error).fieldErrors as FieldErrors);
      setMessage(null);
      return null;
    }
    setPending(true);
    const result = await action(parsed.data).catch(() => null);
    setPending(false);
    if (result?.ok) {
      setErrors({});
      setMessage(null);
      return result.data;
    }
    setErrors(result?.error.fieldErrors ?? {});
    setMessage(result?.error.message ?? "errors.internal");
    return null;
  }

  return { errors, message, pending, submit };
}
