import "server-only";
import { codeOfPrefix } from "@/lib/domain/area-code";
import { dateValue } from "@/lib/domain/dates";
import { monthStart } from "@/lib/domain/months";
import type { RecordPaymentsInput } from "@/lib/schemas/payment";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db, type Tx } from "../db";
import { ConflictError, type DomainError, NotFoundError, ValidationError } from "../errors";
import type { Actor } from "../session";
import { isUniqueViolation } from "../unique-violation";
import { assertCashBenefit, assertPayableMonth, countyOf } from "./county";
import { batchSummarySelect, toBatchSummary, type PaymentBatchSummary } from "./batch-dto";
import { loadRoster, type RosterEntry } from "./roster";

// Written on the entitlement's timeline when its first payment moves it from CONFIRMED to RECEIVING.
const FIRST_PAYMENT_NOTE = "首次发放";

type Outcome = { batch: PaymentBatchSummary } | { refused: DomainError };

/** Someone confirmed, ended or re-rated a benefit since the officer's page was drawn: she must see it first. */
function rosterChanged(roster: RosterEntry[], expected: RecordPaymentsInput["expected"]): boolean {
  const shown = new Set(expected.entitlementIds);
  const total = roster.reduce((sum, row) => sum + (row.amountFen ?? 0), 0);
  return roster.length !== shown.size || roster.some((row) => !shown.has(row.entitlementId)) || total !== expected.totalFen;
}

/**
 * Records one month of one cash benefit for the county's roster: every row PAID with the month's amount,
 * except the listed exceptions (NOT_PAID, with the reason). One batch, its rows, the first payments'
 * status changes and one audit row commit together. A retry with the same request id returns the saved
 * batch; a child already paid for the month is not in the roster, so nobody is paid twice.
 */
export async function recordPayments(actor: Actor, input: RecordPaymentsInput): Promise<PaymentBatchSummary> {
  await assertCan(actor, "create", "payment");
  countyOf(actor);
  assertPayableMonth(input.month);
  let outcome: Outcome;
  try {
    outcome = await db().$transaction((tx) => insertBatch(tx, actor, input), { timeout: 60_000 });
  } catch (error) {
    // Two submissions of the same form raced past the look-up; the unique index refused the second.
    if (!isUniqueViolation(error)) throw error;
    const saved = await findSavedBatch(db(), actor, input.requestId);
    if (!saved) throw new ConflictError();
    return saved;
  }
  // Thrown after the transaction so that the DENIED audit row is kept.
  if ("refused" in outcome) throw outcome.refused;
  return outcome.batch;
}

async function findSavedBatch(client: Pick<Tx, "paymentBatch">, actor: Actor, requestId: string): Promise<PaymentBatchSummary | null> {
  const row = await client.paymentBatch.findFirst({ where: { clientRequestId: requestId, ...scopeWhere(actor) }, select: batchSummarySelect });
  return row ? toBatchSummary(row) : null;
}

async function insertBatch(tx: Tx, actor: Actor, input: RecordPaymentsInput): Promise<Outcome> {
  await assertCashBenefit(tx, input.benefit);
  const county = countyOf(actor);
  // Serialises two submissions of the same month (a retry, or two officers): the look-up of a saved batch
  // and the roster read below then see what the other committed.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`payment:${county}:${input.benefit}:${input.month}`}))`;
  const saved = await findSavedBatch(tx, actor, input.requestId);
  if (saved) return { batch: saved };
  const roster = await loadRoster(tx, actor, input.benefit, input.month);
  if (rosterChanged(roster, input.expected)) {
    await writeAudit(tx, actor, { action: "create", entity: "payment", outcome: "DENIED", details: { benefit: input.benefit, month: input.month, reason: "rosterChanged" } });
    return { refused: new ConflictError("payment.errors.rosterChanged") };
  }
  const byId = new Map(roster.map((row) => [row.entitlementId, row]));
  const unknown = input.exceptions.map((e) => e.entitlementId).filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    await writeAudit(tx, actor, { action: "create", entity: "payment", outcome: "DENIED", details: { benefit: input.benefit, month: input.month, entitlementIds: unknown } });
    return { refused: new NotFoundError() };
  }
  if (roster.length === 0) throw new ValidationError({ month: ["payment.errors.emptyRoster"] });
  if (roster.some((row) => row.amountFen === null)) throw new ValidationError({ benefit: ["payment.errors.noRate"] });

  const reasons = new Map(input.exceptions.map((e) => [e.entitlementId, e.reason]));
  // A child already recorded as not paid this month and still not paid keeps her earlier row and reason.
  const rows = roster.map((row) => ({ row, reason: reasons.get(row.entitlementId) ?? null })).filter((r) => !(r.row.wasNotPaid && r.reason !== null));
  if (rows.length === 0) throw new ValidationError({ month: ["payment.errors.emptyRoster"] });
  const paid = rows.filter((r) => r.reason === null);
  const paidCount = paid.length;
  const exceptionCount = rows.length - paidCount;
  const totalFen = paid.reduce((sum, r) => sum + BigInt(r.row.amountFen!), 0n);
  const month = dateValue(monthStart(input.month));

  const batch = await tx.paymentBatch.create({
    data: { areaCode: county, benefitType: input.benefit, month, paidCount, exceptionCount, totalFen, clientRequestId: input.requestId, createdById: actor.userId },
    select: batchSummarySelect,
  });
  // Paying a child recorded as not paid by an earlier batch adds a PAID row here; the earlier row stays.
  await tx.benefitPayment.createMany({
    data: rows.map((r) => ({
      batchId: batch.id,
      entitlementId: r.row.entitlementId,
      childId: r.row.childId,
      areaCode: r.row.areaCode,
      benefitType: input.benefit,
      month,
      amountFen: r.row.amountFen!,
      status: r.reason === null ? ("PAID" as const) : ("NOT_PAID" as const),
      exceptionReason: r.reason,
      recordedById: actor.userId,
    })),
  });
  await startReceiving(tx, actor, paid.map((r) => r.row).filter((row) => row.isFirstPayment), month);
  await writeAudit(tx, actor, {
    action: "create",
    entity: "payment",
    entityId: batch.id,
    areaCode: codeOfPrefix(county),
    details: {
      benefit: input.benefit,
      month: input.month,
      paidCount,
      exceptionCount,
      totalFen: totalFen.toString(),
      startedEntitlementIds: paid.filter((r) => r.row.isFirstPayment).map((r) => r.row.entitlementId),
    },
  });
  return { batch: toBatchSummary(batch) };
}

/** The first payment of a CONFIRMED entitlement starts it: RECEIVING, with an event on its timeline. */
async function startReceiving(tx: Tx, actor: Actor, rows: RosterEntry[], month: Date): Promise<void> {
  if (rows.length === 0) return;
  const now = new Date();
  for (const row of rows) {
    const { count } = await tx.entitlement.updateMany({
      where: { id: row.entitlementId, status: "CONFIRMED", version: row.version, ...scopeWhere(actor) },
      // Receiving has no deadline: the confirmation's due date no longer applies.
      data: { status: "RECEIVING", version: { increment: 1 }, stateEnteredAt: now, dueOn: null },
    });
    if (count !== 1) throw new ConflictError();
  }
  await tx.entitlementEvent.createMany({
    data: rows.map((row) => ({
      entitlementId: row.entitlementId,
      areaCode: row.areaCode,
      fromStatus: "CONFIRMED" as const,
      toStatus: "RECEIVING" as const,
      actorId: actor.userId,
      actorRole: actor.role,
      note: FIRST_PAYMENT_NOTE,
      month,
      occurredAt: now,
    })),
  });
}
