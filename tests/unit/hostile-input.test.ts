import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { FINDINGS } from "./hostile-input/findings";
import { hasDanger, hostileObject, hostileValue, stringsIn, type Danger } from "./hostile-input/hostile-values";
import { leakingFields, MARKUP_FREE_KEYS } from "./hostile-input/leaks";
import { findSchemas, isStrict, nestedObjects, objectOf } from "./hostile-input/schemas";
import { VALID_INPUTS } from "./hostile-input/valid-inputs";

// Issue 7, hostile input: every zod schema in lib/schemas answers any input with a result (never an
// exception), and what it accepts carries no character that breaks storage or display.

const SCHEMAS = await findSchemas();
/** 46 exported schemas when this was written; fewer means discovery broke (or schemas were lost). */
const FLOOR = 40;
const RUNS = 1_000;

const DANGER_LABELS: Record<Danger, string> = {
  control: "NUL or C0 control characters",
  bidi: "bidi override characters",
  surrogate: "lone surrogates",
  markup: "< or > in a name",
};

/** The request a client could forge to widen its own scope; keys the schema really has are left out. */
const SCOPE_KEYS = () => JSON.parse('{"areaCode":"110101001001","role":"SYSTEM_ADMIN","isAdmin":true,"__proto__":{"role":"SYSTEM_ADMIN"}}') as Record<string, unknown>;

function unknownKeysOf(object: z.ZodObject): Record<string, unknown> {
  const forged = SCOPE_KEYS();
  for (const key of Object.keys(object.shape)) delete forged[key];
  return forged;
}

it(`finds every exported zod schema in lib/schemas (at least ${FLOOR})`, () => {
  expect(SCHEMAS.length).toBeGreaterThanOrEqual(FLOOR);
});

it("lists findings and valid examples only for schemas that exist", () => {
  const names = SCHEMAS.map((s) => s.name);
  expect(Object.keys(FINDINGS).filter((name) => !names.includes(name))).toEqual([]);
  expect(Object.keys(VALID_INPUTS).filter((name) => !names.includes(name))).toEqual([]);
});

describe.each(SCHEMAS.map((found) => [`${found.name} (${found.file})`, found] as const))("%s", (_, found) => {
  const { name, schema } = found;
  const object = objectOf(schema);
  const keys = object ? Object.keys(object.shape) : [];
  const findings = FINDINGS[name] ?? {};
  const valid = VALID_INPUTS[name];
  const checked = (["control", "bidi", "surrogate"] as const).filter((danger) => !findings[danger]);

  if (valid) {
    it("accepts its valid example (so the probes below test real acceptance)", () => {
      expect(schema.safeParse(valid).error?.issues).toBeUndefined();
    });
  }

  it(`answers ${RUNS} hostile inputs with a result, never an exception`, () => {
    const inputs = fc.oneof(
      fc.anything({ withNullPrototype: true, withBoxedValues: true, withSparseArray: true }),
      hostileValue,
      hostileObject(keys),
      hostileObject(keys).map((hostile) => ({ ...valid, ...hostile })),
      // One field replaced in a valid example: most likely to be accepted, so the output walk has work.
      fc.tuple(fc.constantFrom(...keys, "-"), hostileValue).map(([key, value]) => ({ ...valid, [key]: value })),
    );
    fc.assert(
      fc.property(inputs, (input) => {
        const parsed = schema.safeParse(input);
        if (!parsed.success) return;
        for (const [at, text] of stringsIn(parsed.data)) {
          for (const danger of checked) expect(hasDanger(danger, text), `${DANGER_LABELS[danger]} at ${at}`).toBe(false);
        }
      }),
      { numRuns: RUNS },
    );
  });

  const dangers: Danger[] = ["control", "bidi", "surrogate", ...(keys.some((k) => MARKUP_FREE_KEYS.includes(k)) ? (["markup"] as const) : [])];
  for (const danger of dangers) {
    const known = findings[danger] ?? [];
    // Exactly the known findings: a new leak fails here, and so does a fixed one still listed.
    it(`lets ${DANGER_LABELS[danger]} through no field${known.length ? " beyond the known findings" : ""}`, () => {
      expect(leakingFields(found, danger)).toEqual([...known].sort());
    });
    if (known.length) {
      it.fails(`FINDING: accepts ${DANGER_LABELS[danger]} in ${known.join(", ")}`, () => {
        expect(leakingFields(found, danger)).toEqual([]);
      });
    }
  }

  if (object) {
    it("refuses unknown keys such as areaCode, role and __proto__, in itself and every nested object", () => {
      for (const nested of nestedObjects(schema)) {
        expect(isStrict(nested)).toBe(true);
        const forged = unknownKeysOf(nested);
        const parsed = nested.safeParse(forged);
        const unrecognised = parsed.error?.issues.find((issue) => issue.code === "unrecognized_keys");
        expect(unrecognised?.keys.sort()).toEqual(Object.keys(forged).sort());
      }
      if (valid) expect(schema.safeParse({ ...valid, ...unknownKeysOf(object) }).success).toBe(false);
    });
  }
});
