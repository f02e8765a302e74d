import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { loginAs } from "./support/login";

// Issue 7, security headers: every page and API answer carries a per-request CSP nonce, refuses framing,
// sends no referrer and is never cached; the browser reports no CSP violation on the pages we serve.

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

async function firstLink(page: Page, path: string, prefix: string): Promise<string> {
  const html = await (await page.request.get(path)).text();
  const match = html.match(new RegExp(`href="(${prefix}${UUID.source})"`));
  if (!match) throw new Error(`No ${prefix}<id> link on ${path}`);
  return match[1]!;
}

/** Every answer, page or API. */
function expectBaseHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  expect(headers["referrer-policy"], what).toBe("no-referrer");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["x-powered-by"], what).toBeUndefined();
  expect(headers["cache-control"], what).toMatch(/no-store/);
  expect(headers["cache-control"], what).toMatch(/private/);
}

/** Pages: the base headers and the nonce-based CSP. */
function expectSecurityHeaders(response: APIResponse, what: string) {
  expectBaseHeaders(response, what);
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'(;|$)/);
  expect(csp, what).not.toContain("unsafe-inline");
  expect(csp, what).not.toContain("unsafe-eval");
  for (const directive of ["default-src 'self'", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'none'", "object-src 'none'", "connect-src 'self'", "img-src 'self' data: blob:"]) {
    expect(csp, `${what}: ${directive}`).toContain(directive);
  }
}

function nonceOf(response: APIResponse): string {
  return response.headers()["content-security-policy"]!.match(/'nonce-([^']+)'/)![1]!;
}

test.describe("request level", () => {
  test("every page a director opens carries the headers, a fresh nonce per response, and the nonce on every script", async ({ page }) => {
    const anonymous = await page.request.get("/login");
    expectSecurityHeaders(anonymous, "/login");
    await loginAs(page, "director");
    const child = await firstLink(page, "/children", "/children/");
    const entitlement = await firstLink(page, "/entitlements", "/entitlements/").catch(() => null);
    const paths = ["/workbench", "/children", child, ...(entitlement ? [entitlement] : [])];
    for (const path of paths) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      expectSecurityHeaders(response, path);
      const html = await response.text();
      const nonce = nonceOf(response);
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
      for (const tag of html.match(/<style\b[^>]*>/g) ?? []) expect(tag, path).toContain(`nonce="${nonce}"`);
      expect(html, `${path} has no style attributes the CSP would refuse`).not.toMatch(/<[a-z][^>]*\sstyle="/);
    }
    const [first, second] = [await page.request.get("/workbench"), await page.request.get("/workbench")];
    expect(nonceOf(first)).not.toBe(nonceOf(second));
  });

  test("pages of other roles and API answers carry the headers too, signed in or not", async ({ request }) => {
    for (const path of ["/", "/login", "/workbench", "/payments", "/admin/users", "/audit", "/no-such-page"]) {
      expectSecurityHeaders(await request.get(path, { maxRedirects: 0 }), path);
    }
    // API answers keep their own CSP (the uploaded document's `sandbox`, checked in entitlements.spec).
    for (const path of ["/api/health", "/api/auth/session", "/api/v1/notifications", "/api/v1/areas/villages?q=x", "/api/v1/payments/x/export"]) {
      expectBaseHeaders(await request.get(path, { maxRedirects: 0 }), path);
    }
  });

  test("built assets stay cacheable and carry no page policy", async ({ request }) => {
    const html = await (await request.get("/login")).text();
    const asset = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)![1]!;
    const response = await request.get(asset);
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).not.toMatch(/no-store/);
    expect(response.headers()["content-security-policy"]).toBeUndefined();
  });
});

test.describe("in the browser", () => {
  test("pages hydrate with no CSP violation", async ({ page }, info) => {
    test.skip(info.project.name !== "phone", "one browser project is enough");
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        (window as unknown as { __csp: string[] }).__csp ??= [];
        (window as unknown as { __csp: string[] }).__csp.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const hydrated = async (path: string) => {
      // React marks the DOM nodes it hydrated; a blocked script would leave them bare.
      await page.waitForFunction(() => Object.keys(document.querySelector("main, form, button") ?? {}).some((k) => k.startsWith("__react")), null, { timeout: 15_000 });
      const seen = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
      expect([...seen, ...violations], path).toEqual([]);
      await expect(page.locator("#old-browser"), path).toBeHidden();
    };
    await page.goto("/login");
    await hydrated("/login");
    await loginAs(page, "director");
    await hydrated("/workbench");
    const child = await firstLink(page, "/children", "/children/");
    for (const path of [child, `${child}/edit`, "/visits", "/entitlements", "/no-such-page"]) {
      await page.goto(path);
      await hydrated(path);
    }
    // A client-side navigation loads chunks through the nonce'd runtime ('strict-dynamic').
    await page.goto("/children");
    await hydrated("/children");
    await page.getByTestId("child-list").getByRole("link").first().click();
    await expect(page).toHaveURL(new RegExp(`/children/${UUID.source}$`));
    await hydrated("client navigation");
  });
});
