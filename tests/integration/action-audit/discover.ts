import fs from "node:fs";
import path from "node:path";

export type DataLayerCall = { name: string; module: string; callers: string[] };

const ROOT = path.resolve(import.meta.dirname, "../../..");
const APP = path.join(ROOT, "app");

/** The files through which a request reaches the data layer: every server action file and every route handler. */
function entryFiles(): string[] {
  const files = fs.readdirSync(APP, { recursive: true, encoding: "utf8" }).map((f) => f.split(path.sep).join("/"));
  return files
    .filter((f) => f === "actions.ts" || f.endsWith("/actions.ts") || (f.startsWith("api/") && f.endsWith("/route.ts")))
    .map((f) => path.join(APP, f))
    .sort();
}

// `import { a, type B, c as d } from "@/lib/x/y"`, over several lines if need be; `import type {…}` is skipped.
const NAMED_IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s*from\s*["']@\/lib\/([^"']+)["']/g;
// The request-facing helpers between an action or route and the data layer (the session gate, the action
// wrapper, next-auth's options with login and logout): followed, so what they call counts as called.
const FOLLOWED = /^(auth|actions|http)\//;

function namedImports(file: string): { module: string; names: string[] }[] {
  const source = fs.readFileSync(file, "utf8");
  return [...source.matchAll(NAMED_IMPORT)]
    .filter((match) => !match[1])
    .map((match) => ({
      module: match[3]!,
      names: match[2]!
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "" && !s.startsWith("type "))
        .map((s) => s.split(/\s+as\s+/)[0]!.trim()),
    }));
}

// Relative imports inside a followed helper (lib/auth/options.ts → ./session-cookie).
const RELATIVE_IMPORT = /import\s+(?!type\s)[^;]*?from\s*["'](\.{1,2}\/[^"']+)["']/g;

function libFile(module: string): string | null {
  const file = path.join(ROOT, "lib", `${module}.ts`);
  return fs.existsSync(file) ? file : null;
}

function relativeImports(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  return [...source.matchAll(RELATIVE_IMPORT)].map((m) => path.resolve(path.dirname(file), `${m[1]}.ts`)).filter((f) => fs.existsSync(f));
}

/**
 * Every function an action or a route handler imports from the data layer (lib/server), directly or through
 * lib/auth, lib/actions and lib/http, read from the source at test time, so a new action is covered by the
 * audit test the day it lands.
 */
export function discoverDataLayerCalls(): DataLayerCall[] {
  const found = new Map<string, DataLayerCall>();
  const visit = (file: string, caller: string, seen: Set<string>) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const { module, names } of namedImports(file)) {
      if (module.startsWith("server/")) {
        for (const name of names) {
          const key = `${module}#${name}`;
          const entry = found.get(key) ?? { name, module: module.slice("server/".length), callers: [] };
          if (!entry.callers.includes(caller)) entry.callers.push(caller);
          found.set(key, entry);
        }
      } else if (FOLLOWED.test(module)) {
        const next = libFile(module);
        if (next) visit(next, caller, seen);
      }
    }
    if (file.startsWith(path.join(ROOT, "lib"))) for (const next of relativeImports(file)) visit(next, caller, seen);
  };
  for (const file of entryFiles()) visit(file, path.relative(ROOT, file), new Set());
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}
