import { describe, expect, it } from "vitest";

// The product computes "today" in Asia/Shanghai explicitly; running the unit tests in another zone makes
// code that relies on the machine's zone fail here rather than in a village at midnight.
describe("the unit test run", () => {
  it("runs in America/Sao_Paulo, not in China's time zone", () => {
    expect(process.env.TZ).toBe("America/Sao_Paulo");
    expect(new Date("2026-01-15T12:00:00Z").getTimezoneOffset()).toBe(180);
    expect(new Date().getTimezoneOffset()).not.toBe(-480);
  });
});
