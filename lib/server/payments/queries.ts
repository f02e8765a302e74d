import "server-only";
import { codeOfPrefix, shortAreaName } from "@/lib/domain/area-code";
import type { PaymentStatusName } from "@/lib/domain/enums";
import { isUuid } from "@/lib/domain/ids";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit, type AuditAction } from "../audit";
import { db, type Tx } from "../db";
import { NotFoundError } from "../errors";
import type { Actor } from "../session";
import { batchSummarySelect, toBatchSummary, type PaymentBatchSummary } from "./batch-dto";
import { countyOf } from "./county";

export type PaymentRow = {
  entitlementId: string;
  childName: string;
  areaName: string;
  amountFen: number;
  status: PaymentStatusName;
  reason: string | null;
};

export type PaymentBatchDetail = PaymentBatchSummary & { recordedByName: string | null; rows: PaymentRow[] };

/** How many batches the list shows: a county records a few benefits a month, so years of them. */
const LIST_LIMIT = 240;

/** The county's payment batches, the latest month first. */
export async function listPaymentBatches(actor: Actor): Promise<PaymentBatchSummary[]> {
  await assertCan(actor, "list", "payment");
  countyOf(actor);
  const rows = await db().paymentBatch.findMany({
    where: { ...scopeWhere(actor) },
    select: batchSummarySelect,
    orderBy: [{ month: "desc" }, { createdAt: "desc" }],
    take: LIST_LIMIT,
  });
  return rows.map(toBatchSummary);
}

const detailSelect = {
  ...batchSummarySelect,
  areaCode: true,
  createdById: true,
  payments: {
    select: {
      entitlementId: true,
      amountFen: true,
      status: true,
      exceptionReason: true,
      entitlement: { select: { child: { select: { name: true, areaName: true, idNumberMasked: true } } } },
    },
    orderBy: [{ areaCode: "asc" }, { entitlement: { child: { namePinyin: "asc" } } }],
  },
} satisfies Prisma.PaymentBatchSelect;

export type BatchWithRows = Prisma.PaymentBatchGetPayload<{ select: typeof detailSelect }>;

/**
 * A batch of the actor's county with its rows, inside the caller's transaction, with its audit row
 * (`action`: a read, or a print for an export). Another county's batch, or an unknown id, is not found.
 */
export async function readBatch(tx: Tx, actor: Actor, batchId: string, action: AuditAction, details: Record<string, string | number> = {}): Promise<BatchWithRows | null> {
  const validId = isUuid(batchId);
  const row = validId ? await tx.paymentBatch.findFirst({ where: { id: batchId, ...scopeWhere(actor) }, select: detailSelect }) : null;
  await writeAudit(tx, actor, {
    action,
    entity: "payment",
    // A malformed id cannot go into the uuid column; what was asked for goes into the details instead.
    entityId: validId ? batchId : null,
    areaCode: row ? codeOfPrefix(row.areaCode) : undefined,
    outcome: row ? "SUCCESS" : "DENIED",
    details: validId ? details : { ...details, batchId: String(batchId).slice(0, 64) },
  });
  return row;
}

export function toPaymentRows(row: BatchWithRows): PaymentRow[] {
  return row.payments.map((p) => ({
    entitlementId: p.entitlementId,
    childName: p.entitlement.child.name,
    areaName: shortAreaName(p.entitlement.child.areaName),
    amountFen: p.amountFen,
    status: p.status,
    reason: p.exceptionReason,
  }));
}

/** One batch: totals as recorded, and each row's child, village, amount, status and reason. */
export async function getPaymentBatch(actor: Actor, batchId: string): Promise<PaymentBatchDetail> {
  await assertCan(actor, "read", "payment");
  countyOf(actor);
  const result = await db().$transaction(async (tx) => {
    const row = await readBatch(tx, actor, batchId, "read");
    if (!row) return null;
    const user = row.createdById ? await tx.user.findUnique({ where: { id: row.createdById }, select: { displayName: true } }) : null;
    return { row, recordedByName: user?.displayName ?? null };
  });
  // Thrown after the transaction so that the DENIED audit row is kept.
  if (!result) throw new NotFoundError();
  return { ...toBatchSummary(result.row), recordedByName: result.recordedByName, rows: toPaymentRows(result.row) };
}
