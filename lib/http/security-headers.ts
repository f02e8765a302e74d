// The page-level security headers, built per request by proxy.ts. Pure: no Next.js, no I/O, so the
// unit tests and the proxy share one definition.

/** Per-request: pages may show personal data, so neither the browser nor a proxy keeps a copy. */
export const NO_STORE_PRIVATE = "private, no-store";

/**
 * A strict CSP (nonce + 'strict-dynamic'): only scripts carrying this response's nonce run, and the
 * chunks they load. Styles come from our own stylesheets or a nonce'd <style>; style attributes in
 * the HTML are refused. img-src allows data: (QR codes of the second factor) and blob: (a document
 * photo previewed before upload). React's development build needs eval for its error overlays.
 */
export function contentSecurityPolicy(nonce: string, options: { isDev: boolean }): string {
  const script = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.isDev ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable, and fresh for every response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

// Built files and icons are public and content-hashed: they may be cached; everything else is not.
const STATIC_PREFIXES = ["/_next/static/", "/_next/image", "/icons/", "/fonts/"];
const STATIC_FILES = new Set(["/favicon.ico", "/robots.txt", "/manifest.webmanifest"]);

export function isStaticAsset(pathname: string): boolean {
  return STATIC_FILES.has(pathname) || STATIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}
