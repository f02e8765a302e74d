import "server-only";
import pg from "pg";
import { verifyChainSnapshot, type ChainReport } from "@/scripts/lib/audit-chain/verify";
import { assertCan } from "../access/policy";
import { writeAudit } from "../audit";
import { db } from "../db";
import { serverEnv } from "../env";
import type { Actor } from "../session";

/** The panel checks the newest seals only: a full walk is `npm run audit:verify`, for operators. */
export const RECENT_SEALS = 10_000;
const MARKER = "chain";

export type ChainCheck = {
  ok: boolean;
  checkedAt: string;
  seals: number;
  headSeq: string | null;
  headHash: string | null;
  breakKind: string | null;
  breakSeq: string | null;
  breakEventId: string | null;
};

function summarize(report: ChainReport, checkedAt: Date): ChainCheck {
  const base = { checkedAt: checkedAt.toISOString(), seals: report.seals };
  if (report.ok) return { ...base, ok: true, headSeq: report.headSeq, headHash: report.headHash, breakKind: null, breakSeq: null, breakEventId: null };
  const { kind, seq, eventId } = report.break;
  return { ...base, ok: false, headSeq: null, headHash: null, breakKind: kind, breakSeq: seq, breakEventId: eventId };
}

/**
 * Verifies the newest RECENT_SEALS links of the audit hash chain (one read-only snapshot on its own
 * connection, outside the app's pool) and records the result as the auditor's audit event, which is
 * also where the panel reads the last result from.
 */
export async function verifyRecentChain(actor: Actor): Promise<ChainCheck> {
  await assertCan(actor, "read", "auditEvent");
  const client = new pg.Client({ connectionString: serverEnv().DATABASE_URL });
  await client.connect();
  let report: ChainReport;
  try {
    report = await verifyChainSnapshot(client, { lastSeals: RECENT_SEALS });
  } finally {
    await client.end();
  }
  const check = summarize(report, new Date());
  await db().$transaction((tx) =>
    writeAudit(tx, actor, { action: "read", entity: "auditEvent", entityId: MARKER, outcome: check.ok ? "SUCCESS" : "FAILURE", details: { chainCheck: check } }),
  );
  return check;
}

/** The newest recorded check, by any auditor (the chain is one for the whole country), or null. */
export async function lastChainCheck(actor: Actor): Promise<ChainCheck | null> {
  await assertCan(actor, "list", "auditEvent");
  const row = await db().auditEvent.findFirst({
    where: { action: "read", entity: "auditEvent", entityId: MARKER },
    orderBy: { id: "desc" },
    select: { details: true },
  });
  const details = row?.details as { chainCheck?: ChainCheck } | null | undefined;
  return details?.chainCheck ?? null;
}
