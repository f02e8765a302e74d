import fc from "fast-check";

// What an attacker (or a broken client) may post instead of form text. The samples are fixed so a
// finding reproduces on every run; the arbitraries mix them with fast-check's own values.

const HUGE = "字".repeat(100_000);

/** Characters that must never be stored: each sample wraps one in ordinary text so length rules pass. */
export const DANGEROUS_TEXT = {
  control: ["王\u0000花", "王\u0007花", "王\u001b[31m花", "王\u000b花", "王\u001f花"],
  bidi: ["王\u202E花", "王\u202A花", "王\u202D花", "王\u2066花", "王\u2069花"],
  surrogate: ["王\uD800花", "王\uDFFF花", "\uD83D"],
  markup: ["<script>alert(1)</script>", '王"><img src=x onerror=alert(1)>', "王<b>花"],
} as const;
export type Danger = keyof typeof DANGEROUS_TEXT;

const SQL = ["' OR 1=1 --", "王';DROP TABLE children;--", "1; DELETE FROM users", "%' AND '1'='1", "\\'; --"];

function deeplyNested(depth: number): unknown {
  let value: unknown = "王";
  for (let i = 0; i < depth; i++) value = { a: [value] };
  return value;
}

// Built once: zod never mutates its input, and building them per run made generation the slow part.
const HUGE_VALUES = [
  HUGE,
  `${HUGE}\u0000`,
  deeplyNested(1_000),
  Array.from({ length: 50_000 }, () => "王"),
  JSON.parse('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"role":"SYSTEM_ADMIN"}}}') as unknown,
];

export const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...Object.values(DANGEROUS_TEXT).flat(), ...SQL, "", " ", "\r\n") },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -1, 0, 1.5) },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, undefined) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_VALUES) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);

/** An object whose keys are the schema's own (each present or not) with hostile values. */
export function hostileObject(keys: string[]): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.fromEntries(keys.map((key) => [key, hostileValue]));
  return fc.record(entries, { requiredKeys: [] });
}

/** Every string in a parsed value, with its path. */
export function stringsIn(value: unknown, at = "", out: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === "string") out.push([at, value]);
  else if (Array.isArray(value)) value.forEach((item, i) => stringsIn(item, `${at}[${i}]`, out));
  else if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) stringsIn(item, at ? `${at}.${key}` : key, out);
  }
  return out;
}

const PATTERNS: Record<Exclude<Danger, "markup">, RegExp> = {
  // C0 controls except tab, line feed and carriage return.
  control: /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/,
  bidi: /[\u202A-\u202E\u2066-\u2069]/,
  surrogate: /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
};

export function hasDanger(danger: Danger, text: string): boolean {
  return danger === "markup" ? /[<>]/.test(text) : PATTERNS[danger].test(text);
}
