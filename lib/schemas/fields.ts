import { z } from "zod";
import { todayInChina } from "@/lib/domain/dates";

// Field shapes shared by every form schema. Form fields arrive as strings (FormData); the same schema
// runs in the browser and in the action.

/** No record in this product predates 1900; earlier years are typing slips (and year 0 breaks PostgreSQL). */
export const EARLIEST_DATE = "1900-01-01";

/** A record's version for optimistic locking: a positive 32-bit integer (the column's range). */
export const version = z.coerce.number().int().positive().max(2_147_483_647);

/**
 * One id per form submission, made in the browser when the form opens: a retry after a lost response
 * carries the same id, and the server returns what the first attempt saved instead of saving twice.
 */
export const requestId = z.uuid({ error: "errors.validation" });

/** A checkbox: "on"/"true" from a form, or a boolean from code. */
export const checkbox = z.union([z.boolean(), z.stringbool()]).optional().default(false);

/** Optional free text: "" when empty, trimmed, no control characters. */
export function optionalText(max: number, error: string) {
  return z
    .string()
    .trim()
    .max(max, { error })
    .refine((s) => !hasControlChars(s), { error })
    .optional()
    .default("");
}

// Carriage returns stay allowed: browsers send a textarea's line breaks as \r\n. Bidi overrides and
// isolates would show a name or a note reversed on screen and in print ("王\u202E花"); a lone surrogate is
// broken UTF-16 that PostgreSQL and Excel cannot store faithfully.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasControlChars(s: string): boolean {
  return CONTROL.test(s) || LONE_SURROGATE.test(s);
}

/** "" or an ISO date that is not after today (Beijing). */
export function pastDate(error: string, futureError: string) {
  return z
    .union([z.iso.date({ error }), z.literal("")])
    .optional()
    .default("")
    .refine((d) => d === "" || d >= EARLIEST_DATE, { error })
    .refine((d) => d === "" || d <= todayInChina(), { error: futureError });
}

