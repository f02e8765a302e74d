import "server-only";
import { cookies, headers } from "next/headers";
import { decode } from "next-auth/jwt";
import crypto from "node:crypto";
import { cache } from "react";
import { resolveActor, resolvePendingStep, type Actor, type SessionHolder } from "@/lib/server/session";
import { BACKGROUND_HEADER, SESSION_COOKIE } from "./session-cookie";

/**
 * The request-facing half of the session gate: reads the cookie, then lets the data layer prove it.
 * Memoised per request, so the layout, the page and an action share one session check.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const { sessionId, requestId, background } = await readSessionCookie();
  return resolveActor(sessionId, { requestId, background });
});

/** For the step pages only (second factor, forced password change, enrolment): a live session, owing steps or not. */
export const getSessionHolder = cache(async (): Promise<SessionHolder | null> => {
  const { sessionId, requestId, background } = await readSessionCookie();
  return resolvePendingStep(sessionId, { requestId, background });
});

// The request id is ours, never the client's: it ties audit rows of one request together and must not be forgeable.
const readSessionCookie = cache(async (): Promise<{ sessionId?: string; requestId: string; background: boolean }> => {
  const requestId = crypto.randomUUID();
  const background = (await headers()).get(BACKGROUND_HEADER) === "1";
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token || !process.env.NEXTAUTH_SECRET) return { requestId, background };
  const payload = await decode({ token, secret: process.env.NEXTAUTH_SECRET }).catch(() => null);
  return { sessionId: typeof payload?.sid === "string" ? payload.sid : undefined, requestId, background };
});
