import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Issue 7: SQL is Prisma or tagged templates (`$queryRaw`, `Prisma.sql`), whose `${}` values are sent as
// bind parameters. The Unsafe variants and `Prisma.raw` with interpolation paste text into the SQL.
// ESLint (eslint.config.js) flags the Unsafe calls in editors; this scan also catches `Prisma.raw`.

const ROOT = path.join(import.meta.dirname, "../..");
const SCANNED = ["lib", "app", "scripts", "prisma"];
// The generated client defines the Unsafe methods; it is not our code.
const SKIPPED = [path.join("lib", "generated")];

const UNSAFE_NAMES = ["query", "execute"].map((verb) => `$${verb}RawUnsafe`);
const PATTERNS: Array<[string, RegExp]> = [
  ...UNSAFE_NAMES.map((name): [string, RegExp] => [name, new RegExp(name.replace("$", "\\$"), "g")]),
  // A template literal with a `${` before its closing backtick, passed straight to Prisma.raw.
  ["Prisma.raw with ${} interpolation", /Prisma\s*\.\s*raw\s*\(\s*`(?:[^`\\]|\\.)*?\$\{/g],
];

function sourceFiles(dir: string): string[] {
  const relative = path.relative(ROOT, dir);
  if (SKIPPED.includes(relative)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** "file:line: what" for every unsafe SQL construct in a source text. */
function unsafeSql(file: string, text: string): string[] {
  return PATTERNS.flatMap(([what, pattern]) =>
    [...text.matchAll(pattern)].map((match) => `${file}:${text.slice(0, match.index).split("\n").length}: ${what}`),
  );
}

describe("raw SQL", () => {
  it("the scan recognises each unsafe form and leaves tagged templates alone", () => {
    const sample = [
      "await db().$queryRaw`SELECT 1 WHERE id = ${id}`;",
      "const rows = await tx.$queryRawUnsafe(sql);",
      "await tx.$executeRawUnsafe(`DELETE FROM x WHERE id = '${id}'`);",
      "const where = Prisma.raw(`area_code LIKE '${code}%'`);",
      "const order = Prisma.raw(`ORDER BY created_at`);",
      "const safe = Prisma.sql`c.area_code LIKE ${pattern}`;",
    ].join("\n");
    expect(unsafeSql("sample.ts", sample)).toEqual([
      "sample.ts:2: $queryRawUnsafe",
      "sample.ts:3: $executeRawUnsafe",
      "sample.ts:4: Prisma.raw with ${} interpolation",
    ]);
  });

  it("no file under lib, app, scripts or prisma uses $queryRawUnsafe, $executeRawUnsafe or Prisma.raw with ${}", () => {
    const files = SCANNED.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => unsafeSql(path.relative(ROOT, file), readFileSync(file, "utf8")));
    expect(found).toEqual([]);
  });
});
