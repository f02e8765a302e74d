import "server-only";
import { dateValue, todayInChina } from "@/lib/domain/dates";
import type { Verdict } from "@/lib/domain/eligibility/types";
import { BLOCKING_STATUSES } from "@/lib/domain/entitlement-workflow";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CreateApplicationInput } from "@/lib/schemas/entitlement";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { getBenefit } from "../benefits/catalogue";
import { db, type Tx } from "../db";
import { unsafeVerdictForChild } from "../eligibility/child";
import { ConflictError, type DomainError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { deliverNotifications, notify, type NotificationEvent } from "../notifications/notify";
import type { Actor } from "../session";
import { isUniqueViolation } from "../unique-violation";
import { lockChild } from "../visits/rules";
import { entitlementDueOn } from "./due-date";
import { visibleReasons } from "./eligibility-json";
import { entitlementNotification } from "./notifications";

export type CreatedApplication = { entitlementId: string; created: boolean };

type Outcome = { refused: DomainError } | (CreatedApplication & { event?: NotificationEvent; recipients: string[] });

/** What the rule said when the director applied, kept for the checker (reason keys and their values). */
function verdictJson(verdict: Verdict): Prisma.InputJsonObject {
  return { eligible: verdict.eligible, reasons: visibleReasons(verdict.reasons).map((r) => (r.params ? { key: r.key, params: r.params } : { key: r.key })) };
}

async function findSaved(client: Pick<Tx, "entitlement">, actor: Actor, requestId: string): Promise<CreatedApplication | null> {
  const row = await client.entitlement.findFirst({ where: { clientRequestId: requestId, ...scopeWhere(actor) }, select: { id: true } });
  return row && { entitlementId: row.id, created: false };
}

async function refuse(tx: Tx, actor: Actor, input: CreateApplicationInput, error: DomainError, reason: string, areaCode?: string): Promise<Outcome> {
  await writeAudit(tx, actor, { action: "create", entity: "entitlement", areaCode, outcome: "DENIED", details: { childId: input.childId, type: input.benefit, reason } });
  return { refused: error };
}

async function insertApplication(tx: Tx, actor: Actor, input: CreateApplicationInput): Promise<Outcome> {
  const earlier = await findSaved(tx, actor, input.requestId);
  if (earlier) return { ...earlier, recipients: [] };
  const child = await tx.child.findFirst({ where: { id: input.childId, ...scopeWhere(actor) }, select: { id: true, name: true, areaCode: true, status: true } });
  if (!child) return refuse(tx, actor, input, new NotFoundError(), "notFound");
  if (child.status !== "ACTIVE") return refuse(tx, actor, input, new ForbiddenError("entitlement.errors.childNotActive"), "childNotActive", child.areaCode);
  // Two applications for the same child wait for each other here, so the duplicate check cannot race.
  await lockChild(tx, child.id);
  const twin = await findSaved(tx, actor, input.requestId);
  if (twin) return { ...twin, recipients: [] };
  const open = await tx.entitlement.findFirst({ where: { childId: child.id, type: input.benefit, status: { in: [...BLOCKING_STATUSES] } }, select: { id: true } });
  if (open) return refuse(tx, actor, input, new ConflictError("entitlement.errors.alreadyOpen"), "alreadyOpen", child.areaCode);

  const now = new Date();
  const today = todayInChina(now);
  const verdict = await unsafeVerdictForChild(tx, child.id, input.benefit, today);
  // The rule can be wrong or the data stale: the director may still apply, but says why, and it is flagged.
  if (!verdict.eligible && !input.justification) throw new ValidationError({ justification: ["entitlement.errors.justificationRequired"] });
  const benefit = await getBenefit(tx, input.benefit);
  const created = await tx.entitlement.create({
    data: {
      childId: child.id,
      areaCode: child.areaCode,
      type: input.benefit,
      status: "APPLIED",
      appliedOn: dateValue(today),
      note: input.note || null,
      eligibleOnApply: verdict.eligible,
      eligibility: verdictJson(verdict),
      justification: input.justification || null,
      stateEnteredAt: now,
      dueOn: await entitlementDueOn(tx, benefit, "APPLIED", now),
      clientRequestId: input.requestId,
      createdById: actor.userId,
      events: { create: { areaCode: child.areaCode, fromStatus: null, toStatus: "APPLIED", actorId: actor.userId, actorRole: actor.role, note: input.note || null, occurredAt: now } },
    },
    select: { id: true },
  });
  await writeAudit(tx, actor, {
    action: "create",
    entity: "entitlement",
    entityId: created.id,
    areaCode: child.areaCode,
    details: { childId: child.id, type: input.benefit, status: "APPLIED", eligibleOnApply: verdict.eligible },
  });
  const event = entitlementNotification("APPLIED", actor, { id: created.id, areaCode: child.areaCode, childName: child.name, benefitType: benefit.type, benefitNameZh: benefit.nameZh });
  return { entitlementId: created.id, created: true, event, recipients: event ? await notify(tx, event) : [] };
}

/**
 * The director applies for a benefit for a child of her area. Idempotent on the form's request id (a
 * retry returns the first application); one open or active application per child and benefit; without
 * eligibility by the rule a written justification is required and the application is flagged.
 */
export async function createApplication(actor: Actor, input: CreateApplicationInput): Promise<CreatedApplication> {
  await assertCan(actor, "create", "entitlement");
  let outcome: Outcome;
  try {
    outcome = await db().$transaction((tx) => insertApplication(tx, actor, input));
  } catch (error) {
    // Two submissions of one form raced past the look-up; the unique request id refused the second.
    if (!isUniqueViolation(error)) throw error;
    const first = await findSaved(db(), actor, input.requestId);
    if (!first) throw new ConflictError("entitlement.errors.conflict");
    return first;
  }
  if ("refused" in outcome) throw outcome.refused;
  if (outcome.event) await deliverNotifications(outcome.recipients, outcome.event);
  return { entitlementId: outcome.entitlementId, created: outcome.created };
}
