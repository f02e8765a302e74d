import "server-only";
import { cookies, headers } from "next/headers";
import { decode } from "next-auth/jwt";
import crypto from "node:crypto";
import { cache } from "react";
import { resolveActor, type Actor } from "@/lib/server/session";
import { SESSION_COOKIE } from "./session-cookie";

/**
 * The request-facing half of the session gate: reads the cookie, then lets the data layer prove it.
 * Memoised per request, so the layout, the page and an action share one session check.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token || !process.env.NEXTAUTH_SECRET) return null;
  const payload = await decode({ token, secret: process.env.NEXTAUTH_SECRET }).catch(() => null);
  const sessionId = typeof payload?.sid === "string" ? payload.sid : undefined;
  const given = (await headers()).get("x-request-id");
  const requestId = given && /^[\w-]{8,64}$/.test(given) ? given : crypto.randomUUID();
  return resolveActor(sessionId, requestId);
});
