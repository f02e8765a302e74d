import "server-only";
import type { Tx } from "../db";

/**
 * Upper-level rows are shared by every village below them: two refreshes upserting the same county rows in
 * different orders could deadlock, so writers of rollups take this transaction lock one at a time.
 */
export async function lockRollupWriters(tx: Pick<Tx, "$executeRaw">): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('indicator_rollups'))`;
}

/** Long enough for a batch of 500 villages over 24 months on a national database. */
export const ROLLUP_TX = { timeout: 600_000, maxWait: 60_000 } as const;
