import "server-only";
import { todayInChina } from "@/lib/domain/dates";
import { findTransition, refuseTransition, type ReferralStatusName, type TransitionField, type TransitionRule } from "@/lib/domain/referral-workflow";
import type { NotificationKindName } from "@/lib/domain/enums";
import type { RoleName } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TransitionReferralData } from "@/lib/schemas/referral";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db, type Tx } from "../db";
import { ConflictError, type DomainError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { deliverNotifications, notify, type NotificationEvent } from "../notifications/notify";
import { dueOnFor } from "../referral-deadlines/due-date";
import type { Actor } from "../session";
import { writeIdNumberFromReferral } from "./civil-registration";

/** Someone else moved the referral first: carries the state it is in now, for the page to show. */
export class ReferralConflictError extends ConflictError {
  constructor(readonly current: { status: ReferralStatusName; version: number }) {
    super("referral.errors.conflict");
  }
}

const NOTIFY: Partial<Record<ReferralStatusName, { kind: NotificationKindName; roles: RoleName[] }>> = {
  SUBMITTED: { kind: "REFERRAL_SUBMITTED", roles: ["TOWNSHIP_SUPERVISOR"] },
  APPROVED: { kind: "REFERRAL_APPROVED", roles: ["VILLAGE_DIRECTOR"] },
  RETURNED: { kind: "REFERRAL_RETURNED", roles: ["VILLAGE_DIRECTOR"] },
  REJECTED: { kind: "REFERRAL_REJECTED", roles: ["VILLAGE_DIRECTOR"] },
};

const currentSelect = {
  id: true,
  childId: true,
  areaCode: true,
  type: true,
  status: true,
  version: true,
  createdById: true,
  child: { select: { name: true } },
} satisfies Prisma.ReferralSelect;
type Current = Prisma.ReferralGetPayload<{ select: typeof currentSelect }>;

function missingFields(found: TransitionRule, input: TransitionReferralData, current: Current): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  if (found.noteRequired && !input.note) errors.note = ["referral.errors.noteRequired"];
  for (const field of found.required) if (!input[field]) errors[field] = [`referral.errors.${field}Required`];
  const given = (["referredOn", "agency", "outcome", "idNumber"] as TransitionField[]).filter((f) => input[f]);
  for (const field of given) {
    if (!found.required.includes(field) && !found.optional.includes(field)) errors[field] = ["referral.errors.fieldNotExpected"];
  }
  if (input.idNumber && current.type !== "CIVIL_REGISTRATION") errors.idNumber = ["referral.errors.fieldNotExpected"];
  return Object.keys(errors).length ? errors : null;
}

function changeFor(to: ReferralStatusName, actor: Actor, input: TransitionReferralData, now: Date): Prisma.ReferralUpdateManyMutationInput {
  switch (to) {
    case "SUBMITTED":
      return { submittedAt: now, decidedAt: null, decidedById: null };
    case "APPROVED":
    case "RETURNED":
    case "REJECTED":
      return { decidedAt: now, decidedById: actor.userId };
    case "REFERRED":
      return { referredOn: new Date(`${input.referredOn}T00:00:00.000Z`), ...(input.agency ? { agency: input.agency } : {}) };
    case "RESOLVED":
      return { outcome: input.outcome, resolvedAt: now };
    case "CLOSED_UNRESOLVED":
      return { outcome: input.note, resolvedAt: now };
    default:
      return {};
  }
}

type Outcome = { refused: DomainError } | { status: ReferralStatusName; version: number; event?: NotificationEvent; recipients: string[] };

async function refuse(tx: Tx, actor: Actor, input: TransitionReferralData, error: DomainError, details: Prisma.InputJsonObject, areaCode?: string): Promise<Outcome> {
  await writeAudit(tx, actor, { action: "update", entity: "referral", entityId: input.referralId, areaCode, outcome: "DENIED", details: { to: input.to, ...details } });
  return { refused: error };
}

/**
 * One move of the referral workflow (lib/domain/referral-workflow), enforced here whatever the UI shows.
 * Refusals are audited and committed before the error is thrown; the move itself is one conditional
 * update on (status, version), so of two supervisors deciding at once exactly one wins.
 */
export async function transitionReferral(actor: Actor, input: TransitionReferralData): Promise<{ referralId: string; status: ReferralStatusName; version: number }> {
  await assertCan(actor, input.to === "CLOSED_UNRESOLVED" || input.to === "REJECTED" ? "close" : "update", "referral");
  const outcome = await db().$transaction(async (tx): Promise<Outcome> => {
    const current = await tx.referral.findFirst({ where: { id: input.referralId, ...scopeWhere(actor) }, select: currentSelect });
    if (!current) return refuse(tx, actor, input, new NotFoundError(), { reason: "notFound" });
    if (current.version !== input.version) throw new ReferralConflictError({ status: current.status, version: current.version });
    const refusal = refuseTransition(current.status, input.to, actor, current.createdById);
    if (refusal) return refuse(tx, actor, input, new ForbiddenError(`referral.errors.${refusal}`), { from: current.status, reason: refusal }, current.areaCode);
    const found = findTransition(current.status, input.to) as TransitionRule;
    const fieldErrors = missingFields(found, input, current);
    if (fieldErrors) return refuse(tx, actor, input, new ValidationError(fieldErrors), { from: current.status, reason: "fields" }, current.areaCode);

    const now = new Date();
    const updated = await tx.referral.updateMany({
      where: { id: current.id, status: current.status, version: input.version, ...scopeWhere(actor) },
      data: {
        status: input.to,
        version: { increment: 1 },
        stateEnteredAt: now,
        dueOn: await dueOnFor(tx, current, input.to, now),
        ...changeFor(input.to, actor, input, now),
      },
    });
    if (updated.count === 0) {
      const latest = await tx.referral.findFirst({ where: { id: current.id }, select: { status: true, version: true } });
      throw new ReferralConflictError(latest ?? { status: current.status, version: current.version });
    }
    if (input.to === "RESOLVED" && input.idNumber) {
      await writeIdNumberFromReferral(tx, actor, { childId: current.childId, idNumber: input.idNumber, day: todayInChina(now), referralId: current.id });
    }
    await tx.referralEvent.create({
      data: {
        referralId: current.id,
        areaCode: current.areaCode,
        fromStatus: current.status,
        toStatus: input.to,
        actorId: actor.userId,
        actorRole: actor.role,
        note: input.note || (input.to === "RESOLVED" ? input.outcome : null) || null,
        occurredAt: now,
      },
    });
    await writeAudit(tx, actor, {
      action: found.to === "CLOSED_UNRESOLVED" || found.to === "REJECTED" ? "close" : "update",
      entity: "referral",
      entityId: current.id,
      areaCode: current.areaCode,
      details: { from: current.status, to: input.to, ...(input.idNumber ? { idNumberWritten: true } : {}) },
    });
    const route = NOTIFY[input.to];
    const event: NotificationEvent | undefined = route && {
      kind: route.kind,
      entity: "referral",
      entityId: current.id,
      areaCode: current.areaCode,
      roles: route.roles,
      params: { referralType: current.type, childName: current.child.name },
      exceptUserId: actor.userId,
    };
    return { status: input.to, version: input.version + 1, event, recipients: event ? await notify(tx, event) : [] };
  });
  if ("refused" in outcome) throw outcome.refused;
  if (outcome.event) await deliverNotifications(outcome.recipients, outcome.event);
  return { referralId: input.referralId, status: outcome.status, version: outcome.version };
}
