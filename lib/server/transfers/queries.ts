import "server-only";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { Actor } from "../session";
import { toTransferDto, transferSelect, type TransferDto } from "./dto";
import { receivingScopeWhere, sendingScopeWhere, transferScopeWhere } from "./scope";

export type TransferLists = { incoming: TransferDto[]; outgoing: TransferDto[] };

const LIST_LIMIT = 100;

/**
 * Incoming (the destination is in the actor's jurisdiction) and outgoing (the child leaves it); open
 * requests first, then the latest decisions. A move inside one township shows on both lists.
 */
export async function listTransfers(actor: Actor): Promise<TransferLists> {
  await assertCan(actor, "list", "transfer");
  const orderBy = [{ status: "asc" as const }, { requestedAt: "desc" as const }];
  const [incoming, outgoing] = await Promise.all([
    db().childTransfer.findMany({ where: receivingScopeWhere(actor), select: transferSelect, orderBy, take: LIST_LIMIT }),
    db().childTransfer.findMany({ where: sendingScopeWhere(actor), select: transferSelect, orderBy, take: LIST_LIMIT }),
  ]);
  return { incoming: incoming.map(toTransferDto), outgoing: outgoing.map(toTransferDto) };
}

/** One transfer seen from either side; out of scope is not found (and audited as denied). */
export async function getTransfer(actor: Actor, transferId: string): Promise<TransferDto> {
  await assertCan(actor, "read", "transfer");
  const row = await db().childTransfer.findFirst({ where: { id: transferId, ...transferScopeWhere(actor) }, select: transferSelect });
  if (!row) {
    await db().$transaction((tx) => writeAudit(tx, actor, { action: "read", entity: "transfer", entityId: transferId, outcome: "DENIED" }));
    throw new NotFoundError();
  }
  return toTransferDto(row);
}

/** The child's open request, for the banner on her file (null when none, or the child is out of scope). */
export async function findOpenTransferForChild(actor: Actor, childId: string): Promise<TransferDto | null> {
  await assertCan(actor, "read", "transfer");
  const row = await db().childTransfer.findFirst({
    where: { childId, status: "REQUESTED", ...transferScopeWhere(actor), child: scopeWhere(actor) },
    select: transferSelect,
  });
  return row ? toTransferDto(row) : null;
}
