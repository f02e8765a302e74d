import fs from "node:fs";
import path from "node:path";

export const BENCHMARKS_DOC = path.resolve(import.meta.dirname, "../../docs/benchmarks.md");

/** Replaces the section under `heading` in docs/benchmarks.md (up to the next "## "), or appends it. */
export function writeBenchmarkSection(heading: string, body: string, doc = BENCHMARKS_DOC): void {
  const text = fs.readFileSync(doc, "utf8");
  const start = text.indexOf(heading);
  const section = `${heading}\n\n${body.trim()}\n`;
  if (start < 0) return fs.writeFileSync(doc, `${text.trimEnd()}\n\n${section}`);
  const next = text.indexOf("\n## ", start + heading.length);
  fs.writeFileSync(doc, text.slice(0, start) + section + (next < 0 ? "" : text.slice(next)));
}
