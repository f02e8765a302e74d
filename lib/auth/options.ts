import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { loginSchema } from "@/lib/schemas/auth";
import { LoginThrottledError, unsafeEndSession, unsafeLogin } from "@/lib/server/auth/login";
import { SESSION_ABSOLUTE_HOURS } from "@/lib/server/session";
import { clientIp } from "./client-ip";
import { SESSION_COOKIE } from "./session-cookie";


const secureCookies = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");

function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== "object") return undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * next-auth carries only the id of our server-side session row in its encrypted cookie; the row is
 * the truth (logout, deactivation and timeouts end it at once). See lib/server/session.ts.
 */
export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_HOURS * 3600 },
  pages: { signIn: "/login", error: "/login" },
  cookies: {
    sessionToken: {
      name: SESSION_COOKIE,
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies },
    },
  },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { loginName: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = loginSchema.safeParse({ loginName: credentials?.loginName, password: credentials?.password });
        if (!parsed.success) return null;
        const result = await unsafeLogin({
          ...parsed.data,
          ipAddress: clientIp(headerValue(req?.headers, "x-forwarded-for")),
          userAgent: headerValue(req?.headers, "user-agent"),
        }).catch((error: unknown) => {
          // next-auth hands a thrown message to signIn() as result.error: the form shows "too many attempts".
          if (error instanceof LoginThrottledError) throw new Error("throttled");
          throw error;
        });
        return result ? { id: result.sessionId } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.sid = user.id;
      return token;
    },
    // The client learns nothing from /api/auth/session: pages read the actor on the server.
    async session({ session }) {
      return { expires: session.expires };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await unsafeEndSession(token.sid);
    },
  },
};
