import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, isStaticAsset } from "@/lib/http/security-headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe("the content security policy", () => {
  const production = directives(contentSecurityPolicy("abc123", { isDev: false }));

  it("lets only scripts with this response's nonce run, and what they load", () => {
    expect(production.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
  });

  it("never allows inline code or eval in production", () => {
    for (const values of production.values()) {
      expect(values).not.toContain("'unsafe-inline'");
      expect(values).not.toContain("'unsafe-eval'");
    }
  });

  it("allows eval only for the development server", () => {
    expect(directives(contentSecurityPolicy("n", { isDev: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("refuses framing, foreign forms, base rewrites and plugins", () => {
    expect(production.get("frame-ancestors")).toEqual(["'none'"]);
    expect(production.get("form-action")).toEqual(["'self'"]);
    expect(production.get("base-uri")).toEqual(["'none'"]);
    expect(production.get("object-src")).toEqual(["'none'"]);
    expect(production.get("default-src")).toEqual(["'self'"]);
    expect(production.get("connect-src")).toEqual(["'self'"]);
  });

  it("allows data: and blob: images for QR codes and photo previews, and styles by nonce", () => {
    expect(production.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(production.get("style-src")).toEqual(["'self'", "'nonce-abc123'"]);
  });
});

describe("the nonce", () => {
  it("is 128 random bits in base64 and differs every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("static assets", () => {
  it("are the built files, icons and fonts only", () => {
    expect(isStaticAsset("/_next/static/chunks/app.js")).toBe(true);
    expect(isStaticAsset("/icons/icon-192.png")).toBe(true);
    expect(isStaticAsset("/fonts/noto.woff2")).toBe(true);
    expect(isStaticAsset("/favicon.ico")).toBe(true);
  });

  it("never include pages, API answers or look-alike paths", () => {
    for (const path of ["/", "/workbench", "/api/v1/notifications", "/_next/data/x.json", "/iconsx", "/children/_next/static/"]) {
      expect(isStaticAsset(path)).toBe(false);
    }
  });
});
