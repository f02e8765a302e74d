import { DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";

export type ActionAnswer = { status: number; result: { ok: boolean; error?: { code: string }; data?: unknown } | null; redirect: string | null };

/** A signed-in browser without the browser: next-auth's credentials flow, then cookies on every request. */
export class HttpSession {
  private cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  private keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(";")[0] ?? "";
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async login(loginName: string) {
    const csrf = await fetch(`${this.base}/api/auth/csrf`);
    this.keep(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await fetch(`${this.base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: this.cookieHeader(), origin: this.base },
      body: new URLSearchParams({ csrfToken, loginName, password: DEMO_PASSWORD, json: "true" }),
    });
    this.keep(response);
    if (!this.cookies.has(SESSION_COOKIE)) throw new Error(`Login as ${loginName} failed: HTTP ${response.status}, no session cookie.`);
  }

  async get(path: string, signal?: AbortSignal): Promise<Response> {
    return fetch(`${this.base}${path}`, { redirect: "manual", headers: { cookie: this.cookieHeader() }, signal });
  }

  /**
   * Calls a server action the way the browser's router does: POST to a page that uses it, the action's id
   * in Next-Action, the arguments as a JSON array; the answer is an RSC stream whose rows include the result.
   */
  async action(path: string, id: string, input: unknown, signal?: AbortSignal): Promise<ActionAnswer> {
    const response = await fetch(`${this.base}${path}`, {
      method: "POST",
      redirect: "manual",
      signal,
      headers: {
        "next-action": id,
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
        origin: this.base,
        cookie: this.cookieHeader(),
      },
      body: JSON.stringify([input]),
    });
    const text = await response.text();
    return { status: response.status, result: actionResult(text), redirect: response.headers.get("x-action-redirect") };
  }
}

function actionResult(stream: string): ActionAnswer["result"] {
  for (const line of stream.split("\n")) {
    const row = /^[0-9a-f]+:(\{.*\})$/.exec(line);
    if (!row) continue;
    try {
      const value = JSON.parse(row[1]!) as Record<string, unknown>;
      if (typeof value.ok === "boolean") return value as ActionAnswer["result"];
    } catch {
      // Not a JSON row (or a row of the page's tree): keep looking.
    }
  }
  return null;
}
