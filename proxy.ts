import { NextResponse, type NextRequest } from "next/server";
import { isForeignOrigin } from "@/lib/http/origin";
import { contentSecurityPolicy, createNonce, NO_STORE_PRIVATE } from "@/lib/http/security-headers";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every page and API answer: a per-request CSP nonce (Next.js reads it from the request's CSP header and
 * puts it on its own scripts; the root layout reads x-nonce for ours) and no caching. Cross-site writes to any
 * route handler are refused here, so a new route cannot forget it; server actions have Next's own check.
 */
export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, { isDev: process.env.NODE_ENV === "development" });
  const isApiWrite = request.nextUrl.pathname.startsWith("/api/") && !SAFE_METHODS.has(request.method);
  if (isApiWrite && isForeignOrigin(request)) {
    return NextResponse.json({ error: "errors.forbidden" }, { status: 403, headers: { "Content-Security-Policy": policy, "Cache-Control": NO_STORE_PRIVATE } });
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // A header set here overrides the route handler's own: API answers keep theirs (the uploaded document
  // is served with `CSP: sandbox`); they are not pages, and X-Frame-Options refuses framing them.
  if (!request.nextUrl.pathname.startsWith("/api/")) response.headers.set("Content-Security-Policy", policy);
  response.headers.set("Cache-Control", NO_STORE_PRIVATE);
  return response;
}

// Static assets are left alone: they are public, content-hashed and may be cached (see isStaticAsset).
export const config = {
  matcher: ["/((?!_next/static/|_next/image|icons/|fonts/|favicon\\.ico$|robots\\.txt$|manifest\\.webmanifest$).*)"],
};
