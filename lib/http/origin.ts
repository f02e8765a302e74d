// No server-only import: proxy.ts refuses cross-site writes to every route handler with this check too.

/**
 * CSRF: a write whose Origin names another site is refused (the session cookie is SameSite=Lax, this
 * also covers other origins of the same site). Behind a reverse proxy the public host is in
 * X-Forwarded-Host, as Next.js itself assumes for server actions. No Origin (old browsers, curl) passes.
 */
export function isForeignOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = (request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? "").split(",")[0]!.trim();
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
