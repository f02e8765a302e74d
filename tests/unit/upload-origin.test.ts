import { describe, expect, it } from "vitest";
import { isForeignOrigin } from "@/lib/http/origin";

function request(headers: Record<string, string>): Request {
  return new Request("http://barefoot.example.cn/api/v1/entitlements/x/documents", { method: "POST", headers });
}

describe("refusing cross-site writes to the document routes (CSRF)", () => {
  it("accepts a request from our own host", () => {
    expect(isForeignOrigin(request({ host: "barefoot.example.cn", origin: "https://barefoot.example.cn" }))).toBe(false);
  });

  it("accepts a request without an Origin header (not a browser's cross-site form)", () => {
    expect(isForeignOrigin(request({ host: "barefoot.example.cn" }))).toBe(false);
  });

  it("refuses another site, another port and the opaque origin 'null'", () => {
    expect(isForeignOrigin(request({ host: "barefoot.example.cn", origin: "https://evil.example" }))).toBe(true);
    expect(isForeignOrigin(request({ host: "barefoot.example.cn", origin: "https://barefoot.example.cn:8443" }))).toBe(true);
    expect(isForeignOrigin(request({ host: "barefoot.example.cn", origin: "null" }))).toBe(true);
  });

  it("compares with the public host a reverse proxy forwards", () => {
    expect(isForeignOrigin(request({ host: "app:3000", "x-forwarded-host": "barefoot.example.cn", origin: "https://barefoot.example.cn" }))).toBe(false);
    expect(isForeignOrigin(request({ host: "app:3000", "x-forwarded-host": "barefoot.example.cn", origin: "http://app:3000" }))).toBe(true);
  });
});
