import { canonicalSql } from "./canonical";
import { checkLink, type ChainBreak, type ChainHead, type SealRow } from "./links";

/** What verifyChain needs of a connection: pg.Client, a pool client, or anything with the same query(). */
export type Queryable = { query: <R extends object>(sql: string, params?: unknown[]) => Promise<{ rows: R[] }> };

export type ChainReport =
  | { ok: true; seals: number; events: number; fromSeq: string; headSeq: string | null; headHash: string | null }
  | { ok: false; seals: number; break: ChainBreak };

export const BATCH_SIZE = 10_000;

const WALK = `
  SELECT s.seq::text AS seq, s.event_id::text AS "eventId", s.prev_hash AS "prevHash", s.hash,
         CASE WHEN e.id IS NULL THEN NULL ELSE ${canonicalSql("e")} END AS canonical
    FROM audit_seals s
    LEFT JOIN audit_events e ON e.id = s.event_id
   WHERE s.seq > $1::bigint
   ORDER BY s.seq
   LIMIT $2`;

/** Where a partial walk starts: the seal before the window is taken on trust (its hash anchors the window). */
async function startOf(client: Queryable, lastSeals: number | undefined): Promise<ChainHead> {
  if (lastSeals === undefined) return { seq: 0n, hash: null };
  const rows = await client.query<{ seq: string; hash: string }>(
    `SELECT seq::text AS seq, hash FROM audit_seals WHERE seq <= (SELECT max(seq) FROM audit_seals) - $1::bigint ORDER BY seq DESC LIMIT 1`,
    [lastSeals],
  );
  const anchor = rows.rows[0];
  return anchor ? { seq: BigInt(anchor.seq), hash: anchor.hash.trim() } : { seq: 0n, hash: null };
}

/**
 * The first event without a seal. Only a full walk can say so; a partial one checks the events at or
 * after the first event of its window. Runs in the caller's snapshot, where an event and its seal
 * (written by the deferred trigger in the same commit) are either both visible or both not.
 */
async function firstUnsealed(client: Queryable, sinceEventId: string | null): Promise<ChainBreak | null> {
  const rows = await client.query<{ id: string }>(
    `SELECT e.id::text AS id FROM audit_events e
      WHERE e.id >= $1::bigint AND NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.event_id = e.id)
      ORDER BY e.id LIMIT 1`,
    [sinceEventId ?? "0"],
  );
  const id = rows.rows[0]?.id;
  return id ? { kind: "missing-seal", seq: null, eventId: id, detail: `event ${id} has no seal: it was written around the chain` } : null;
}

/**
 * Walks audit_seals in seq order, BATCH_SIZE rows at a time (keyset, so memory stays bounded on tens of
 * millions of rows), recomputing every hash in Node, then looks for events without a seal. Call it
 * inside one snapshot (see verifyChainSnapshot) so writes committed during the walk cannot look missing.
 */
export type VerifyOptions = {
  /** Only the newest N seals (the /audit panel); the seal before them is the trusted starting point. */
  lastSeals?: number;
  batchSize?: number;
  /** A head written down earlier: the seal at that seq must still carry that hash. */
  anchor?: { seq: string; hash: string };
};

export async function verifyChain(client: Queryable, options: VerifyOptions = {}): Promise<ChainReport> {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const start = await startOf(client, options.lastSeals);
  let head = start;
  let seals = 0;
  let firstEventId: string | null = null;
  for (;;) {
    const batch = await client.query<SealRow>(WALK, [head.seq.toString(), batchSize]);
    for (const row of batch.rows) {
      const broken = checkLink(head, row);
      if (broken) return { ok: false, seals, break: broken };
      firstEventId ??= row.eventId;
      head = { seq: BigInt(row.seq), hash: row.hash.trim() };
      seals++;
      if (options.anchor && row.seq === options.anchor.seq && head.hash !== options.anchor.hash) {
        return { ok: false, seals, break: { kind: "edited", seq: row.seq, eventId: row.eventId, detail: `seal ${row.seq} is not the head written down (${options.anchor.hash}): the chain was rebuilt` } };
      }
    }
    if (batch.rows.length < batchSize) break;
  }
  if (options.anchor && BigInt(options.anchor.seq) > head.seq) {
    return { ok: false, seals, break: { kind: "deleted-event", seq: options.anchor.seq, eventId: null, detail: `the chain ends at seq ${head.seq}, before the head written down` } };
  }
  const full = options.lastSeals === undefined;
  // A full walk: equal counts (event_id is unique and every seal's event exists) prove every event is sealed.
  const events = Number(
    (await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM audit_events WHERE id >= $1::bigint`, [full ? "0" : (firstEventId ?? "0")]))
      .rows[0]!.n,
  );
  if (!full || events !== seals) {
    const unsealed = await firstUnsealed(client, full ? null : firstEventId);
    if (unsealed) return { ok: false, seals, break: unsealed };
  }
  return {
    ok: true,
    seals,
    events,
    fromSeq: (start.seq + 1n).toString(),
    headSeq: head.seq === 0n ? null : head.seq.toString(),
    headHash: head.hash,
  };
}

/** verifyChain in its own read-only REPEATABLE READ transaction: one consistent snapshot of events and seals. */
export async function verifyChainSnapshot(client: Queryable, options: VerifyOptions = {}): Promise<ChainReport> {
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    return await verifyChain(client, options);
  } finally {
    await client.query("ROLLBACK");
  }
}

/** The operator's lines: the head hash on success (to write down), the first broken link on failure. */
export function describeReport(report: ChainReport): string[] {
  if (report.ok) {
    return [
      `✔ Audit chain verified: ${report.seals.toLocaleString("en")} seals from seq ${report.fromSeq}, ${report.events.toLocaleString("en")} events, every link intact.`,
      `  Head: seq ${report.headSeq ?? "(none)"}, hash ${report.headHash ?? "(empty chain)"}`,
      "  Write the head hash down somewhere the database's administrators cannot change: a later run must still reach it.",
    ];
  }
  const { kind, seq, eventId, detail } = report.break;
  return [
    `✖ Audit chain BROKEN after ${report.seals.toLocaleString("en")} intact seals. First broken link: ${kind}`,
    `  seq ${seq ?? "—"}, event ${eventId ?? "—"}: ${detail}`,
  ];
}
