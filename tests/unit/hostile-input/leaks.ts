import type { z } from "zod";
import { DANGEROUS_TEXT, hasDanger, stringsIn, type Danger } from "./hostile-values";
import { objectOf, type FoundSchema } from "./schemas";
import { VALID_INPUTS } from "./valid-inputs";

/** Free-text fields whose schema refuses `<` and `>` (lib/schemas: childName, displayName, address). */
export const MARKUP_FREE_KEYS = ["name", "displayName", "address"];

export const WHOLE_VALUE = "(value)";

/**
 * The fields of a schema that accept a dangerous sample and hand it back in the parsed output. With a
 * valid example the sample replaces one field of it, so cross-field rules still apply; without one each
 * field's own schema is tried alone.
 */
export function leakingFields({ name, schema }: FoundSchema, danger: Danger): string[] {
  const object = objectOf(schema);
  const valid = VALID_INPUTS[name];
  const leaks = new Set<string>();
  const leaksIn = (target: z.ZodType, input: unknown, key: string, prefix: string) => {
    const parsed = target.safeParse(input);
    if (!parsed.success) return;
    const found = stringsIn(parsed.data).some(([at, text]) => at.startsWith(prefix) && hasDanger(danger, text));
    if (found) leaks.add(key);
  };
  for (const sample of DANGEROUS_TEXT[danger]) {
    if (!object) {
      if (danger !== "markup") leaksIn(schema, sample, WHOLE_VALUE, "");
      continue;
    }
    for (const [key, field] of Object.entries(object.shape as Record<string, z.ZodType>)) {
      if (danger === "markup" && !MARKUP_FREE_KEYS.includes(key)) continue;
      if (valid) leaksIn(schema, { ...valid, [key]: sample }, key, key);
      else leaksIn(field, sample, key, "");
    }
  }
  return [...leaks].sort();
}
