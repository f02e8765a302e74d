import "server-only";
import { dateValue, isoDate, todayInChina } from "@/lib/domain/dates";
import { ENTITLEMENT_TRANSITIONS, findEntitlementTransition, isClosingMove, monthOf, refuseEntitlementTransition, type EntitlementRule } from "@/lib/domain/entitlement-workflow";
import type { EntitlementStatusName } from "@/lib/domain/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TransitionEntitlementData } from "@/lib/schemas/entitlement";
import { assertCan, can } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { getBenefit, type BenefitDefinition } from "../benefits/catalogue";
import { rateFor } from "../benefits/rate-lookup";
import { db, type Tx } from "../db";
import { ConflictError, type DomainError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { deliverNotifications, notify, type NotificationEvent } from "../notifications/notify";
import type { Actor } from "../session";
import { entitlementDueOn } from "./due-date";
import { entitlementNotification } from "./notifications";

/** Someone else moved the application first: carries the state it is in now. */
export class EntitlementConflictError extends ConflictError {
  constructor(readonly current: { status: EntitlementStatusName; version: number }) {
    super("entitlement.errors.conflict");
  }
}

const currentSelect = {
  id: true,
  childId: true,
  areaCode: true,
  type: true,
  status: true,
  version: true,
  appliedOn: true,
  startMonth: true,
  child: { select: { name: true } },
} satisfies Prisma.EntitlementSelect;
type Current = Prisma.EntitlementGetPayload<{ select: typeof currentSelect }>;

type Moved = { entitlementId: string; status: EntitlementStatusName; version: number };
type Outcome = { refused: DomainError } | (Moved & { event?: NotificationEvent; recipients: string[] });

function fieldErrors(found: EntitlementRule, input: TransitionEntitlementData, current: Current): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  if (found.noteRequired && !input.note) errors.note = ["entitlement.errors.noteRequired"];
  if (found.monthRequired && !input.month) errors.month = ["entitlement.errors.monthRequired"];
  if (!found.monthRequired && input.month) errors.month = ["entitlement.errors.fieldNotExpected"];
  if (found.monthRequired && input.month) {
    // Payments cannot start before the application, nor stop or resume before they started.
    if (found.to === "CONFIRMED" && input.month < monthOf(isoDate(current.appliedOn))) errors.month = ["entitlement.errors.monthBeforeApplication"];
    if (found.to !== "CONFIRMED" && current.startMonth && input.month < monthOf(isoDate(current.startMonth))) errors.month = ["entitlement.errors.monthBeforeStart"];
  }
  return Object.keys(errors).length ? errors : null;
}

async function changeFor(tx: Tx, to: EntitlementStatusName, actor: Actor, input: TransitionEntitlementData, current: Current, benefit: BenefitDefinition, now: Date) {
  const reason = input.note || null;
  const firstDay = input.month ? dateValue(`${input.month}-01`) : null;
  switch (to) {
    case "CHECKED":
      return { checkedAt: now, checkedById: actor.userId, statusReason: null };
    case "APPLIED":
      // A resubmission is checked afresh.
      return { checkedAt: null, checkedById: null, statusReason: null };
    case "CONFIRMED":
      return {
        decidedOn: dateValue(todayInChina(now)),
        decidedById: actor.userId,
        startMonth: firstDay,
        // The amount is the rate of the child's area for the start month; non-cash benefits have none.
        monthlyAmountFen: benefit.isCash ? await rateFor(tx, current.type, current.areaCode, `${input.month}-01`) : null,
        statusReason: null,
      };
    case "DENIED":
      return { decidedOn: dateValue(todayInChina(now)), decidedById: actor.userId, statusReason: reason };
    case "ENDED":
      return { endMonth: firstDay, statusReason: reason };
    case "RETURNED":
    case "WITHDRAWN":
    case "SUSPENDED":
      return { statusReason: reason };
    case "RECEIVING":
      return { statusReason: null };
  }
}

async function refuse(tx: Tx, actor: Actor, input: TransitionEntitlementData, error: DomainError, details: Prisma.InputJsonObject, areaCode?: string): Promise<Outcome> {
  await writeAudit(tx, actor, { action: "update", entity: "entitlement", entityId: input.entitlementId, areaCode, outcome: "DENIED", details: { to: input.to, ...details } });
  return { refused: error };
}

/** 城乡居民医保: once the child receives it she is insured; the file says so in the same transaction. */
async function markInsured(tx: Tx, actor: Actor, current: Current): Promise<boolean> {
  if (current.type !== "MEDICAL_INSURANCE") return false;
  await tx.child.updateMany({ where: { id: current.childId, ...scopeWhere(actor) }, data: { medicalInsurance: "INSURED", version: { increment: 1 } } });
  await writeAudit(tx, actor, { action: "update", entity: "child", entityId: current.childId, areaCode: current.areaCode, details: { medicalInsurance: "INSURED", entitlementId: current.id } });
  return true;
}

async function move(tx: Tx, actor: Actor, input: TransitionEntitlementData): Promise<Outcome> {
  const current = await tx.entitlement.findFirst({ where: { id: input.entitlementId, ...scopeWhere(actor) }, select: currentSelect });
  if (!current) return refuse(tx, actor, input, new NotFoundError(), { reason: "notFound" });
  // A move this role never makes is refused and audited even when the form was stale.
  const neverAllowed = !ENTITLEMENT_TRANSITIONS.some((r) => r.to === input.to && r.roles.includes(actor.role)) || (isClosingMove(input.to) && !can(actor.role, "close", "entitlement"));
  if (neverAllowed) return refuse(tx, actor, input, new ForbiddenError("entitlement.errors.roleNotAllowed"), { from: current.status, reason: "roleNotAllowed" }, current.areaCode);
  if (current.version !== input.version) throw new EntitlementConflictError({ status: current.status, version: current.version });
  const refusal = refuseEntitlementTransition(current.status, input.to, actor.role);
  if (refusal) return refuse(tx, actor, input, new ForbiddenError(`entitlement.errors.${refusal}`), { from: current.status, reason: refusal }, current.areaCode);
  const found = findEntitlementTransition(current.status, input.to) as EntitlementRule;
  const errors = fieldErrors(found, input, current);
  if (errors) return refuse(tx, actor, input, new ValidationError(errors), { from: current.status, reason: "fields" }, current.areaCode);

  const now = new Date();
  const benefit = await getBenefit(tx, current.type);
  const change = await changeFor(tx, input.to, actor, input, current, benefit, now);
  const updated = await tx.entitlement.updateMany({
    where: { id: current.id, status: current.status, version: input.version, ...scopeWhere(actor) },
    data: { status: input.to, version: { increment: 1 }, stateEnteredAt: now, dueOn: await entitlementDueOn(tx, benefit, input.to, now), ...change },
  });
  if (updated.count === 0) {
    const latest = await tx.entitlement.findFirst({ where: { id: current.id, ...scopeWhere(actor) }, select: { status: true, version: true } });
    throw new EntitlementConflictError(latest ?? { status: current.status, version: current.version });
  }
  await tx.entitlementEvent.create({
    data: {
      entitlementId: current.id,
      areaCode: current.areaCode,
      fromStatus: current.status,
      toStatus: input.to,
      actorId: actor.userId,
      actorRole: actor.role,
      note: input.note || null,
      month: input.month ? dateValue(`${input.month}-01`) : null,
      occurredAt: now,
    },
  });
  const insured = input.to === "RECEIVING" && (await markInsured(tx, actor, current));
  await writeAudit(tx, actor, {
    action: isClosingMove(input.to) ? "close" : "update",
    entity: "entitlement",
    entityId: current.id,
    areaCode: current.areaCode,
    details: {
      from: current.status,
      to: input.to,
      ...(input.month ? { month: input.month } : {}),
      ...("monthlyAmountFen" in change ? { monthlyAmountFen: change.monthlyAmountFen } : {}),
      ...(insured ? { childMedicalInsurance: "INSURED" } : {}),
    },
  });
  const event = entitlementNotification(input.to, actor, { id: current.id, areaCode: current.areaCode, childName: current.child.name, benefitType: benefit.type, benefitNameZh: benefit.nameZh });
  return { entitlementId: current.id, status: input.to, version: input.version + 1, event, recipients: event ? await notify(tx, event) : [] };
}

/**
 * One move of the entitlement workflow (lib/domain/entitlement-workflow), enforced here whatever the UI
 * shows. Refusals (state, role, area, missing note or month) are audited and committed before the error
 * is thrown; the move is one conditional update on (status, version), so of two officers exactly one wins.
 */
export async function transitionEntitlement(actor: Actor, input: TransitionEntitlementData): Promise<Moved> {
  await assertCan(actor, "update", "entitlement");
  const outcome = await db().$transaction((tx) => move(tx, actor, input));
  if ("refused" in outcome) throw outcome.refused;
  if (outcome.event) await deliverNotifications(outcome.recipients, outcome.event);
  return { entitlementId: outcome.entitlementId, status: outcome.status, version: outcome.version };
}
