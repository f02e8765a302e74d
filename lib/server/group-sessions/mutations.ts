import "server-only";
import { dateValue, todayInChina } from "@/lib/domain/dates";
import { groupSessionProblems, type CreateGroupSessionInput } from "@/lib/schemas/group-session";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db } from "../db";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors";
import type { Actor } from "../session";

/**
 * 小组活动: a director records one session held in her village, optionally naming the registered
 * children who came. Every named child must be ACTIVE and in her scope, or nothing is saved.
 */
export async function createGroupSession(actor: Actor, input: CreateGroupSessionInput): Promise<{ id: string }> {
  assertCan(actor, "create", "groupSession");
  // A session belongs to one village: only an actor whose jurisdiction is a village can hold one.
  if (actor.scopePrefix.length !== 12) throw new ForbiddenError();
  const problems = groupSessionProblems(input, todayInChina());
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  const childIds = [...new Set(input.childIds)];

  const result = await db().$transaction(async (tx) => {
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
  // Thrown after the transaction so that the DENIED audit row above is kept.
  if (!result) throw new NotFoundError();
  return result;
}
