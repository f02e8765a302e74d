import { describe, expect, it } from "vitest";
import { groupSecret, matchTotpStep, normalizeRecoveryCode, totpCodeAt, totpStepAt, totpUri } from "@/lib/domain/totp";
import { secondFactorCodeSchema } from "@/lib/schemas/auth";

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const NOW = Date.UTC(2026, 10, 24, 2, 0, 15);

describe("TOTP codes", () => {
  it("matches the RFC 6238 SHA-1 test vector (6 digits, 30 s)", () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s ⇒ 94287082 (8 digits) ⇒ 287082.
    expect(totpCodeAt("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 59_000)).toBe("287082");
  });

  it("accepts the current code and those of one step before and after, and says which step", () => {
    const step = totpStepAt(NOW);
    expect(matchTotpStep(SECRET, totpCodeAt(SECRET, NOW), NOW)).toBe(step);
    expect(matchTotpStep(SECRET, totpCodeAt(SECRET, NOW - 30_000), NOW)).toBe(step - 1);
    expect(matchTotpStep(SECRET, totpCodeAt(SECRET, NOW + 30_000), NOW)).toBe(step + 1);
  });

  it("refuses codes two steps away, and anything that is not six digits", () => {
    expect(matchTotpStep(SECRET, totpCodeAt(SECRET, NOW - 60_000), NOW)).toBeNull();
    expect(matchTotpStep(SECRET, totpCodeAt(SECRET, NOW + 60_000), NOW)).toBeNull();
    expect(matchTotpStep(SECRET, "12345", NOW)).toBeNull();
    expect(matchTotpStep(SECRET, "abcdef", NOW)).toBeNull();
  });

  it("names the issuer and the account in the QR code's URI, and groups the secret by four", () => {
    expect(totpUri(SECRET, "county")).toMatch(/^otpauth:\/\/totp\/Barefoot%20%E5%84%BF%E7%AB%A5%E4%B8%BB%E4%BB%BB:county\?issuer=Barefoot/);
    expect(totpUri(SECRET, "county")).toContain("algorithm=SHA1&digits=6&period=30");
    expect(groupSecret("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });
});

describe("recovery codes", () => {
  it("are read with or without the dash, in any case", () => {
    expect(normalizeRecoveryCode(" AbCd-2345 ")).toBe("abcd-2345");
    expect(normalizeRecoveryCode("abcd2345")).toBe("abcd-2345");
    expect(normalizeRecoveryCode("abcd-234")).toBeNull();
  });

  it("the code field takes six digits or a recovery code, nothing else", () => {
    expect(secondFactorCodeSchema.safeParse({ code: " 123456 " }).data).toEqual({ code: "123456" });
    expect(secondFactorCodeSchema.safeParse({ code: "abcd-2345" }).success).toBe(true);
    expect(secondFactorCodeSchema.safeParse({ code: "1234567" }).success).toBe(false);
  });
});
