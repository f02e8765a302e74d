import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// assertCan (lib/server/access/policy.ts) is async: it commits a DENIED audit row before it refuses. A call
// that is not awaited (or returned) would let the caller run on while the refusal floats away unseen.

const ROOT = path.join(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** "file:line" of every assertCan call that is neither awaited nor returned. */
function floatingCalls(file: string, text: string): string[] {
  return [...text.matchAll(/(\S+\s+)?\bassertCan\s*\(/g)]
    .filter((match) => !/^(await|return|function)\s+$/.test(match[1] ?? "") && !/^import\b/.test(match[1] ?? ""))
    .map((match) => `${file}:${text.slice(0, match.index).split("\n").length}`);
}

describe("authorization checks", () => {
  it("the scan flags a floating call and accepts awaited and returned ones", () => {
    const sample = ["  assertCan(actor, 'read', 'child');", "  await assertCan(actor, 'read', 'child');", "  return assertCan(actor, 'read', 'user');"].join("\n");
    expect(floatingCalls("x.ts", sample)).toEqual(["x.ts:1"]);
  });

  it("every assertCan call in lib/ and app/ is awaited or returned", () => {
    const files = ["lib", "app"].flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
    const floating = files.flatMap((file) => floatingCalls(path.relative(ROOT, file), readFileSync(file, "utf8")));
    expect(files.length).toBeGreaterThan(100);
    expect(floating).toEqual([]);
  });
});
