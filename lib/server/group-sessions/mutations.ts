import "server-only";
import { dateValue, todayInChina } from "@/lib/domain/dates";
import { groupSessionProblems, type CreateGroupSessionInput } from "@/lib/schemas/group-session";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db, type Tx } from "../db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import type { Actor } from "../session";
import { isUniqueViolation } from "../unique-violation";

/**
 * A form always sends a request id (the schema requires it); code that records a session without a form
 * (seeds, imports) may leave it out and gets no retry protection.
 */

/** The session an earlier submission with this request id saved, in the actor's scope. */
async function findSavedSession(client: Pick<Tx, "groupSession">, actor: Actor, requestId: string): Promise<{ id: string } | null> {
  return client.groupSession.findFirst({ where: { clientRequestId: requestId, ...scopeWhere(actor) }, select: { id: true } });
}

/**
 * 小组活动: a director records one session held in her village, optionally naming the registered
 * children who came. Every named child must be ACTIVE and in her scope, or nothing is saved. A retry of
 * the same submission (same request id) returns the session the first one saved.
 */
export async function createGroupSession(actor: Actor, input: CreateGroupSessionInput): Promise<{ id: string }> {
  await assertCan(actor, "create", "groupSession");
  // A session belongs to one village: only an actor whose jurisdiction is a village can hold one.
  if (actor.scopePrefix.length !== 12) throw new ForbiddenError();
  const problems = groupSessionProblems(input, todayInChina());
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  const childIds = [...new Set(input.childIds)];

  let result: { id: string } | null;
  try {
    result = await insertSession(actor, input, childIds);
  } catch (error) {
    // Two submissions raced past the look-up; the unique index refused the second.
    if (!isUniqueViolation(error)) throw error;
    const first = await findSavedSession(db(), actor, input.requestId);
    if (!first) throw new ConflictError();
    return first;
  }
  // Thrown after the transaction so that the DENIED audit row is kept.
  if (!result) throw new NotFoundError();
  return result;
}

async function insertSession(actor: Actor, input: CreateGroupSessionInput, childIds: string[]): Promise<{ id: string } | null> {
  return db().$transaction(async (tx) => {
    const earlier = await findSavedSession(tx, actor, input.requestId);
    if (earlier) return earlier;
    // One transaction is one connection: its queries run one after another.
    const area = await tx.adminArea.findUnique({ where: { code: actor.scopePrefix }, select: { name: true } });
    const children = await tx.child.findMany({ where: { id: { in: childIds }, ...scopeWhere(actor), status: "ACTIVE" }, select: { id: true, areaCode: true } });
    if (children.length !== childIds.length) {
      const found = new Set(children.map((c) => c.id));
      await writeAudit(tx, actor, {
        action: "create",
        entity: "groupSession",
        outcome: "DENIED",
        details: { childIds: childIds.filter((id) => !found.has(id)) },
      });
      return null;
    }
    const session = await tx.groupSession.create({
      data: {
        areaCode: actor.scopePrefix,
        areaName: area?.name ?? actor.scopePrefix,
        topic: input.topic,
        title: input.title,
        heldOn: dateValue(input.heldOn),
        place: input.place,
        facilitator: input.facilitator,
        childrenCount: input.childrenCount,
        caregiversCount: input.caregiversCount,
        notes: input.notes || null,
        clientRequestId: input.requestId,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    if (children.length > 0) {
      await tx.groupSessionAttendee.createMany({
        data: children.map((c) => ({ sessionId: session.id, childId: c.id, areaCode: c.areaCode })),
      });
    }
    await writeAudit(tx, actor, {
      action: "create",
      entity: "groupSession",
      entityId: session.id,
      areaCode: actor.scopePrefix,
      details: { attendees: children.length },
    });
    return session;
  });
}
