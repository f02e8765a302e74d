import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { loginAs } from "./support/login";

// Issue 7, the HTTP half of the access matrix: every route handler and every server action, called as an
// attacker would (no session, another site's Origin, another village's ids, hostile arguments).
// Audit rows are not checked here: the auditor's /audit page needs a second factor (the data-layer matrix
// checks the DENIED rows); "nothing changed" is checked through the pages the owner of the data sees.

const ROOT = path.resolve(import.meta.dirname, "../..");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type Method = (typeof METHODS)[number];
const STATE_CHANGING: Method[] = ["POST", "PUT", "PATCH", "DELETE"];
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

type Ids = { entitlementId: string; childId: string };
type RouteCase = { public?: true; url: (ids: Ids) => string };

/** Every route handler and method. A route missing here fails the first test. */
const ROUTES: Record<string, Partial<Record<Method, RouteCase>>> = {
  "/api/health": { GET: { public: true, url: () => "/api/health" } },
  "/api/auth/[...nextauth]": { GET: { public: true, url: () => "/api/auth/session" }, POST: { public: true, url: () => "/api/auth/signout" } },
  "/api/v1/notifications": { GET: { url: () => "/api/v1/notifications" } },
  "/api/v1/areas/villages": { GET: { url: () => "/api/v1/areas/villages?q=%E6%9D%91" } },
  "/api/v1/payments/[batchId]/export": { GET: { url: () => `/api/v1/payments/${crypto.randomUUID()}/export?format=csv` } },
  "/api/v1/indicators/export": { GET: { url: () => "/api/v1/indicators/export?format=csv" } },
  "/api/v1/entitlements/[id]/documents": { POST: { url: (ids) => `/api/v1/entitlements/${ids.entitlementId}/documents` } },
  "/api/v1/entitlements/[id]/documents/[documentId]": {
    GET: { url: (ids) => `/api/v1/entitlements/${ids.entitlementId}/documents/${crypto.randomUUID()}` },
    DELETE: { url: (ids) => `/api/v1/entitlements/${ids.entitlementId}/documents/${crypto.randomUUID()}` },
  },
};

/** Files under dir named `name`, or ending in it when it starts with a dot. */
function walk(dir: string, name: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, name, out);
    else if (name.startsWith(".") ? entry.name.endsWith(name) : entry.name === name) out.push(full);
  }
  return out;
}

/** "METHOD /api/route" for every exported handler, read from the source at test time. */
function discoverRoutes(): string[] {
  return walk(path.join(ROOT, "app/api"), "route.ts").flatMap((file) => {
    const route = "/" + path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).join("/");
    const source = fs.readFileSync(file, "utf8");
    const declared = [...source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+([A-Z]+)\b/g)].map((m) => m[1]!);
    const reexported = [...source.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) => m[1]!.split(",").map((part) => part.trim().split(/\s+as\s+/).pop()!));
    return [...declared, ...reexported].filter((name) => (METHODS as readonly string[]).includes(name)).map((method) => `${method} ${route}`);
  });
}

const tabled = Object.entries(ROUTES).flatMap(([route, methods]) => Object.keys(methods).map((method) => `${method} ${route}`));

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

function actionManifest(): Record<string, ManifestEntry> {
  const file = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next", "server/server-reference-manifest.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> }).node;
}

/** A page that holds the action: "app/(app)/children/[id]/page" → "/children/<uuid>". */
function pageOf(entry: ManifestEntry): string {
  const worker = Object.keys(entry.workers)[0]!;
  const segments = worker.replace(/^app\//, "").replace(/\/?page$/, "").split("/").filter((s) => s && !/^\(.*\)$/.test(s));
  return "/" + segments.map((s) => (s.startsWith("[") ? crypto.randomUUID() : s)).join("/");
}

/** args: the JSON text of the argument array, so a literal "__proto__" key goes over the wire as written. */
async function postAction(request: APIRequestContext, id: string, entry: ManifestEntry, args: string, origin?: string) {
  const response = await request.post(pageOf(entry), {
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", ...(origin ? { Origin: origin } : {}) },
    data: args,
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}

async function signedIn(browser: Browser, loginName: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginAs(page, loginName);
  return page;
}

async function childNames(page: Page): Promise<string[]> {
  await page.goto("/children");
  return page.getByTestId("child-list").locator("span.font-medium").allInnerTexts();
}

/** One of the demo village's children with an allowance application (the demo has them only there). */
async function foreignIds(page: Page): Promise<Ids> {
  const list = await (await page.request.get("/children")).text();
  const children = [...new Set([...list.matchAll(new RegExp(`href="/children/(${UUID})"`, "g"))].map((m) => m[1]!))];
  for (const childId of children) {
    const file = await (await page.request.get(`/children/${childId}`)).text();
    const entitlement = file.match(new RegExp(`href="/entitlements/(${UUID})"`));
    if (entitlement) return { childId, entitlementId: entitlement[1]! };
  }
  throw new Error(`None of the ${children.length} children has an allowance application`);
}

/** What the owner sees of her own village: any change made by an attack would show here. */
async function snapshot(page: Page, ids: Ids): Promise<string[]> {
  const texts: string[] = [];
  for (const target of ["/children", `/children/${ids.childId}`, `/entitlements/${ids.entitlementId}`]) {
    await page.goto(target);
    texts.push(await page.locator("main").innerText());
  }
  return texts;
}

test.describe.configure({ mode: "serial" });

test.describe("route handlers", () => {
  test("every route handler and method in the app is in this test's table", () => {
    expect(discoverRoutes().sort()).toEqual(tabled.sort());
  });

  test("without a session every route answers 401 JSON, except the health check and next-auth's own endpoints", async ({ request }) => {
    const ids = { entitlementId: crypto.randomUUID(), childId: crypto.randomUUID() };
    for (const [route, methods] of Object.entries(ROUTES)) {
      for (const [method, spec] of Object.entries(methods) as [Method, RouteCase][]) {
        const response = await request.fetch(spec.url(ids), { method, maxRedirects: 0 });
        const what = `${method} ${route}`;
        if (spec.public) {
          expect(response.status(), what).toBeLessThan(500);
          expect(await response.text(), what).not.toMatch(/"user"\s*:/);
          continue;
        }
        expect(response.status(), what).toBe(401);
        expect(await response.json(), what).toEqual({ error: "errors.unauthenticated" });
      }
    }
    expect((await (await request.get("/api/health")).json()).status).toBe("ok");
  });

  test("a write from another site's page is refused with 403 before the route runs, signed in or not", async ({ browser, request }) => {
    const director = await signedIn(browser, "director2");
    const ids = { entitlementId: crypto.randomUUID(), childId: crypto.randomUUID() };
    for (const [route, methods] of Object.entries(ROUTES)) {
      for (const [method, spec] of Object.entries(methods) as [Method, RouteCase][]) {
        if (!STATE_CHANGING.includes(method)) continue;
        for (const client of [request, director.request]) {
          const response = await client.fetch(spec.url(ids), { method, headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
          expect(response.status(), `${method} ${route}`).toBe(403);
        }
      }
    }
  });

  test("a director asking for another village's entitlement documents is told they do not exist, and nothing changes", async ({ browser }) => {
    const owner = await signedIn(browser, "director");
    const ids = await foreignIds(owner);
    const before = await snapshot(owner, ids);
    const director = await signedIn(browser, "director2");
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    const upload = await director.request.post(ROUTES["/api/v1/entitlements/[id]/documents"]!.POST!.url(ids), {
      multipart: { documentCode: "CHILD_HUKOU", file: { name: "x.png", mimeType: "image/png", buffer: png } },
    });
    expect(upload.status()).toBe(404);
    const entry = ROUTES["/api/v1/entitlements/[id]/documents/[documentId]"]!;
    for (const method of ["GET", "DELETE"] as const) {
      const response = await director.request.fetch(entry[method]!.url(ids), { method });
      expect(response.status(), method).toBe(404);
      expect(await response.json()).toEqual({ error: "errors.notFound" });
    }
    // The roster export is the county's: a director is refused outright.
    const exported = await director.request.get(ROUTES["/api/v1/payments/[batchId]/export"]!.GET!.url(ids));
    expect([403, 404]).toContain(exported.status());
    expect(await snapshot(owner, ids)).toEqual(before);
  });
});

test.describe("server actions called by raw POST", () => {
  // Read when the tests run: the web server builds the app after the test files are loaded.
  let manifest: Record<string, ManifestEntry> = {};
  test.beforeAll(() => {
    manifest = actionManifest();
  });

  test("every exported action of app/**/actions.ts is in the build's server-reference manifest", () => {
    const built = new Set(Object.values(manifest).map((e) => `${e.filename}#${e.exportedName}`));
    const exported = walk(path.join(ROOT, "app"), "actions.ts").flatMap((file) => {
      const source = fs.readFileSync(file, "utf8");
      const names = [...source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(\w+Action)\b/g)].map((m) => m[1]!);
      return names.map((name) => `${path.relative(ROOT, file).split(path.sep).join("/")}#${name}`);
    });
    expect(exported.length).toBeGreaterThan(20);
    // Next leaves out an action nothing imports: it has no id, so no request can reach it. Any other
    // missing action would escape the raw-POST test below.
    const sources = ["app", "components", "lib"].flatMap((dir) => walk(path.join(ROOT, dir), ".ts").concat(walk(path.join(ROOT, dir), ".tsx"))).filter((f) => !f.endsWith("actions.ts"));
    const used = (name: string) => sources.some((file) => fs.readFileSync(file, "utf8").includes(name));
    expect(exported.filter((key) => !built.has(key) && used(key.split("#")[1]!))).toEqual([]);
  });

  test("hostile calls without a session, or with another village's ids, never succeed, never fail with 500, leak nothing and change nothing", async ({ browser }) => {
    test.setTimeout(240_000);
    const owner = await signedIn(browser, "director");
    const ids = await foreignIds(owner);
    const director = await signedIn(browser, "director2");
    const names = [...(await childNames(owner)), ...(await childNames(director))];
    expect(names.length).toBeGreaterThan(10);
    const before = await snapshot(owner, ids);
    const anonymous = (await browser.newContext()).request;

    const foreign = { id: ids.childId, childId: ids.childId, entitlementId: ids.entitlementId, version: 0, areaCode: "411523101201" };
    const hostile = [
      JSON.stringify(["__proto__", { areaCode: "11", role: "SYSTEM_ADMIN" }]),
      `[{"__proto__":{"role":"SYSTEM_ADMIN"},"constructor":{"prototype":{"role":"SYSTEM_ADMIN"}},"areaCode":"","role":"MINISTRY_OFFICER","version":-1}]`,
      JSON.stringify([foreign]),
      JSON.stringify([{ ...foreign, version: 999999 }, foreign]),
    ];
    for (const [id, entry] of Object.entries(manifest)) {
      for (const [who, client] of [["anonymous", anonymous], ["director2", director.request]] as const) {
        for (const args of hostile) {
          const { status, body } = await postAction(client, id, entry, args);
          const what = `${who} ${entry.exportedName} ${args}`;
          const isSignIn = entry.filename?.startsWith("app/(auth)/") ?? false;
          // 200: the action was found and ran (a 404 "action not found" would prove nothing).
          if (!isSignIn) expect(status, what).toBe(200);
          expect(status, what).not.toBe(500);
          expect(body, what).not.toContain('"ok":true');
          if (!isSignIn) expect(body, what).toContain('"ok":false');
          for (const name of names) expect(body.includes(name), `${what} leaks ${name}`).toBe(false);
          // Sign-in actions (app/(auth)) run without a session by design; every other one turns it away.
          if (who === "anonymous" && !isSignIn) expect(body, what).toContain("UNAUTHENTICATED");
        }
      }
    }
    expect(await snapshot(owner, ids)).toEqual(before);
  });

  test("an action called from another site's page is refused by Next's origin check before it runs", async ({ browser }) => {
    const director = await signedIn(browser, "director2");
    const [id, entry] = Object.entries(manifest).find(([, e]) => e.exportedName === "updateChildAction")!;
    const sameSite = await postAction(director.request, id, entry, "[{}]");
    // Same site, the action runs and answers with its validation error...
    expect(sameSite.status).toBe(200);
    expect(sameSite.body).toContain("VALIDATION");
    // ...from another site it never runs.
    const crossSite = await postAction(director.request, id, entry, "[{}]", "https://evil.example");
    expect(crossSite.status).toBe(500);
    expect(crossSite.body).not.toContain("VALIDATION");
  });
});
