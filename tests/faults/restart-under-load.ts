import assert from "node:assert/strict";
import crypto from "node:crypto";
import pg from "pg";
import { todayInChina } from "@/lib/domain/dates";
import { DEMO_VILLAGE } from "@/prisma/seed/demo-accounts";
import { actionId, type AppServer } from "./support/app-server";
import type { Cluster } from "./support/cluster";
import { HttpSession } from "./support/http-client";

const CLIENTS = 8;
const DURATION_MS = 120_000;
const RESTARTS: { atMs: number; mode: "fast" | "immediate" }[] = [
  { atMs: 30_000, mode: "fast" },
  { atMs: 80_000, mode: "immediate" },
];
/** After pg_ctl reports the server up, pooled connections are found dead and replaced: a few seconds. */
const GRACE_MS = 5_000;
const REQUEST_TIMEOUT_MS = 20_000;
const MARKER = "faults: restart under load";

type Failure = { at: number; what: string };
type Window = { mode: string; from: number; to: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A home visit as the visit form sends it, with its own request id. */
function visit(childId: string, requestId: string) {
  return {
    childId,
    requestId,
    visitedOn: todayInChina(),
    type: "HOME",
    metWith: ["CHILD"],
    careCheck: "FINE",
    safetyCheck: "FINE",
    healthCheck: "FINE",
    educationCheck: "FINE",
    wellbeingCheck: "FINE",
    riskLevel: "GREEN",
    notes: MARKER,
  };
}

/**
 * 8 clients read pages and API routes and record visits for 2 minutes while PostgreSQL restarts twice
 * (fast at 30 s, immediate at 80 s). A visit is retried with the same request id until the app says ok.
 * Afterwards: every acknowledged visit exists exactly once, every error fell inside an outage window
 * (+ grace), and the same server process answers again.
 */
export async function restartUnderLoad(app: AppServer, cluster: Cluster, log: (line: string) => void) {
  const sql = new pg.Client({ connectionString: cluster.url });
  await sql.connect();
  const { rows: children } = await sql.query<{ id: string }>(
    `SELECT id FROM children WHERE area_code = $1 AND status = 'ACTIVE' ORDER BY id LIMIT 40`,
    [DEMO_VILLAGE],
  );
  await sql.end();
  assert.ok(children.length >= CLIENTS, "the demo village has enough children");
  const session = new HttpSession(app.base);
  await session.login("director");
  const recordVisit = actionId("app/(app)/visits/actions.ts", "recordVisitAction");
  const reads = ["/workbench", "/api/health", "/api/v1/notifications", ...children.slice(0, 5).map((c) => `/children/${c.id}`)];

  const started = Date.now();
  const elapsed = () => Date.now() - started;
  const failures: Failure[] = [];
  const acknowledged = new Set<string>();
  const counts = { reads: 0, writes: 0, writeAttempts: 0, retries: 0 };
  const windows: Window[] = [];

  async function write(n: number) {
    const child = children[n % children.length]!.id;
    const requestId = crypto.randomUUID();
    for (let attempt = 0; ; attempt++) {
      counts.writeAttempts++;
      if (attempt > 0) counts.retries++;
      const answer = await session
        .action(`/children/${child}`, recordVisit, visit(child, requestId), AbortSignal.timeout(REQUEST_TIMEOUT_MS))
        .catch((error: unknown) => ({ status: 0, result: null, error }));
      if (answer.status === 200 && answer.result?.ok) {
        acknowledged.add(requestId);
        counts.writes++;
        return;
      }
      const code = answer.result?.error?.code;
      // Anything but a server-side failure (a validation error, a conflict) would be a bug in this test or the app.
      if (answer.status === 200 && code && code !== "INTERNAL") throw new Error(`recordVisit answered ${code}`);
      failures.push({ at: elapsed(), what: `write HTTP ${answer.status} ${code ?? ""}`.trim() });
      if (attempt > 200) throw new Error(`recordVisit ${requestId} never acknowledged`);
      await sleep(250);
    }
  }

  async function read(n: number) {
    const path = reads[n % reads.length]!;
    const status = await session
      .get(path, AbortSignal.timeout(REQUEST_TIMEOUT_MS))
      .then(async (response) => (await response.arrayBuffer(), response.status))
      .catch(() => 0);
    counts.reads++;
    if (status === 0 || status >= 500) failures.push({ at: elapsed(), what: `read ${path} HTTP ${status}` });
  }

  async function client(index: number) {
    for (let n = index; elapsed() < DURATION_MS; n += CLIENTS) {
      await (n % 3 === 0 ? write(n) : read(n));
      await sleep(20);
    }
  }

  async function restarts() {
    for (const { atMs, mode } of RESTARTS) {
      await sleep(Math.max(0, atMs - elapsed()));
      const from = elapsed();
      await cluster.restart(mode);
      windows.push({ mode, from, to: elapsed() });
      log(`load: pg_ctl restart -m ${mode} from ${(from / 1000).toFixed(1)} s to ${(elapsed() / 1000).toFixed(1)} s`);
    }
  }

  await Promise.all([restarts(), ...Array.from({ length: CLIENTS }, (_, i) => client(i))]);

  const outside = failures.filter((f) => !windows.some((w) => f.at >= w.from && f.at <= w.to + GRACE_MS));
  const byWindow = windows.map((w) => `${w.mode}: ${failures.filter((f) => f.at >= w.from && f.at <= w.to + GRACE_MS).length}`);
  log(
    `load: ${counts.reads} reads, ${counts.writes} acknowledged writes (${counts.writeAttempts} attempts, ${counts.retries} retries), ` +
      `${failures.length} errors (${byWindow.join(", ")}), ${outside.length} outside the windows`,
  );
  const kinds = new Map<string, number>();
  for (const f of failures) kinds.set(f.what, (kinds.get(f.what) ?? 0) + 1);
  if (kinds.size) log(`load: errors by kind: ${[...kinds].map(([k, v]) => `${k} ×${v}`).join("; ")}`);
  assert.deepEqual(outside.slice(0, 10), [], "errors happen only while PostgreSQL restarts (plus a few seconds)");
  assert.ok(counts.writes > 0 && counts.reads > 0, "the clients got work done");

  const check = new pg.Client({ connectionString: cluster.url });
  await check.connect();
  try {
    const { rows } = await check.query<{ request: string; copies: number }>(
      `SELECT client_request_id::text AS request, count(*)::int AS copies FROM visits WHERE notes = $1 GROUP BY client_request_id`,
      [MARKER],
    );
    const stored = new Map(rows.map((r) => [r.request, r.copies]));
    const missing = [...acknowledged].filter((id) => !stored.has(id));
    const duplicated = rows.filter((r) => r.copies !== 1);
    const unacknowledged = rows.filter((r) => !acknowledged.has(r.request));
    log(`load: ${stored.size} visits stored for ${acknowledged.size} acknowledged request ids; ${missing.length} missing, ${duplicated.length} duplicated`);
    assert.deepEqual(missing, [], "every acknowledged visit is stored");
    assert.deepEqual(duplicated, [], "no visit is stored twice");
    assert.deepEqual(unacknowledged, [], "every stored visit was acknowledged (the clients retried until it was)");
  } finally {
    await check.end();
  }

  assert.ok(app.isRunning(), "the app was not restarted");
  const health = await session.get("/api/health");
  assert.equal(health.status, 200, "the same server process answers after both restarts");
  await write(0);
}
