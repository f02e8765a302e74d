import { sealHash } from "./canonical";

/** One row of the walk: a seal and, when its event still exists, the event's canonical text. */
export type SealRow = { seq: string; eventId: string; prevHash: string | null; hash: string; canonical: string | null };

export type BreakKind = "edited" | "missing-seal" | "deleted-event" | "reordered";
export type ChainBreak = { kind: BreakKind; seq: string | null; eventId: string | null; detail: string };

/** The last link checked: the next seal must have seq + 1 and carry this hash as its prev_hash. */
export type ChainHead = { seq: bigint; hash: string | null };

/**
 * Checks one seal against the link before it, in the order a tamperer's traces show up: a gap in seq
 * (seals and their events removed), a seal whose event is gone, a seal that does not follow the one
 * before it, and a hash that no longer matches its event.
 */
export function checkLink(head: ChainHead, row: SealRow): ChainBreak | null {
  const expected = head.seq + 1n;
  const seq = BigInt(row.seq);
  if (seq !== expected) {
    return {
      kind: "deleted-event",
      seq: expected.toString(),
      eventId: null,
      detail: `seals ${expected}..${seq - 1n} are missing: their events and seals were deleted`,
    };
  }
  if (row.canonical === null) {
    return { kind: "deleted-event", seq: row.seq, eventId: row.eventId, detail: `event ${row.eventId} was deleted; its seal remains` };
  }
  const prevHash = row.prevHash?.trim() ?? null;
  if (prevHash !== head.hash) {
    return {
      kind: "reordered",
      seq: row.seq,
      eventId: row.eventId,
      detail: `prev_hash is not the hash of seal ${head.seq}: seals were inserted, removed or reordered`,
    };
  }
  if (sealHash(prevHash, row.canonical) !== row.hash.trim()) {
    return { kind: "edited", seq: row.seq, eventId: row.eventId, detail: `event ${row.eventId} no longer matches its seal: it was edited` };
  }
  return null;
}
