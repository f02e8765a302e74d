import { performance } from "node:perf_hooks";
import { encode } from "next-auth/jwt";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import type { Actor } from "@/lib/server/session";

/**
 * The cookie a browser would hold after logging in as this actor: next-auth's encrypted token carrying
 * the server-side session id (lib/auth/options.ts), so requests go through the real session gate.
 */
async function sessionCookie(actor: Actor): Promise<string> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: run with the same secrets as the server.");
  const token = await encode({ token: { sid: actor.sessionId }, secret, maxAge: 3600 });
  return `${SESSION_COOKIE}=${token}`;
}

/**
 * Times whole pages over HTTP against a running `npm start`: request to last byte of the HTML, which on
 * localhost is the server's time (render and data). Returns every run's milliseconds, sorted.
 */
export async function timePage(baseUrl: string, path: string, actors: Actor[], runs: number): Promise<number[]> {
  const cookies = await Promise.all(actors.map(sessionCookie));
  const get = async (cookie: string) => {
    const started = performance.now();
    const response = await fetch(new URL(path, baseUrl), { headers: { cookie }, redirect: "manual" });
    const html = await response.text();
    if (response.status !== 200 || !html.includes("<html")) throw new Error(`GET ${path} answered ${response.status}: is the session valid?`);
    return performance.now() - started;
  };
  for (const cookie of cookies) await get(cookie);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await get(cookies[i % cookies.length]!));
  return times.sort((a, b) => a - b);
}
