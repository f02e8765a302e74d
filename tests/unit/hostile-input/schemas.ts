import { readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// Every zod type exported from lib/schemas, found at run time so that a new schema is covered without
// anyone remembering to list it here.

export type FoundSchema = { name: string; file: string; schema: z.ZodType };

const SCHEMA_DIR = path.join(import.meta.dirname, "../../../lib/schemas");

export async function findSchemas(): Promise<FoundSchema[]> {
  const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".ts")).sort();
  const found: FoundSchema[] = [];
  for (const file of files) {
    const exports: Record<string, unknown> = await import(/* @vite-ignore */ path.join(SCHEMA_DIR, file));
    for (const [name, value] of Object.entries(exports)) {
      if (value instanceof z.ZodType) found.push({ name, file, schema: value });
    }
  }
  return found;
}

type Def = { type: string; in?: z.ZodType; innerType?: z.ZodType; element?: z.ZodType; options?: z.ZodType[]; catchall?: z.ZodType };
const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;

/** The object under refinements, transforms and defaults, or undefined when the schema is not an object. */
export function objectOf(schema: z.ZodType): z.ZodObject | undefined {
  const def = defOf(schema);
  if (def.type === "object") return schema as z.ZodObject;
  const inner = def.type === "pipe" ? def.in : def.innerType;
  return inner ? objectOf(inner) : undefined;
}

/** Every object schema reachable from this one (itself, nested fields, array elements, union options). */
export function nestedObjects(schema: z.ZodType, seen = new Set<z.ZodType>()): z.ZodObject[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const children: z.ZodType[] = [];
  if (def.type === "object") children.push(...Object.values((schema as z.ZodObject).shape as Record<string, z.ZodType>));
  for (const child of [def.in, def.innerType, def.element, ...(def.options ?? [])]) if (child) children.push(child);
  if (def.type === "pipe" && (schema._zod.def as unknown as { out?: z.ZodType }).out) children.push((schema._zod.def as unknown as { out: z.ZodType }).out);
  const own = def.type === "object" ? [schema as z.ZodObject] : [];
  return [...own, ...children.flatMap((child) => nestedObjects(child, seen))];
}

/** A strict object's catch-all is `never`: any key it does not name is an issue. */
export function isStrict(object: z.ZodObject): boolean {
  return defOf(object).catchall?._zod.def.type === "never";
}
