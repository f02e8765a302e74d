import { afterEach, beforeEach, vi, type MockInstance } from "vitest";

// A console.error during a test is a bug we would otherwise only see in the logs: it fails the test.
let spy: MockInstance<typeof console.error> | undefined;

beforeEach(() => {
  spy = vi.spyOn(console, "error");
});

afterEach(() => {
  const calls = spy?.mock.calls ?? [];
  const messages = calls.map((args) => args.map(String).join(" "));
  spy?.mockRestore();
  spy = undefined;
  if (messages.length > 0) {
    throw new Error(`console.error was called during the test:\n${messages.map((m) => `  - ${m}`).join("\n")}`);
  }
});

/**
 * For a test that expects an error to be logged (e.g. an INTERNAL action failure): returns what was
 * logged so far and forgets it, so the guard above does not fail the test.
 */
export function takeConsoleErrors(): unknown[][] {
  const calls = [...(spy?.mock.calls ?? [])];
  spy?.mockClear();
  return calls;
}
