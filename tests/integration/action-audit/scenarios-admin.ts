import crypto from "node:crypto";
import { expect } from "vitest";
import { dateValue, todayInChina } from "@/lib/domain/dates";
import { addCalendarDays } from "@/lib/domain/working-days";
import { db } from "@/lib/server/db";
import { markRead } from "@/lib/server/notifications/mutations";
import { announceOverdueVisits } from "@/lib/server/notifications/overdue-visits";
import { updateReferralDeadline } from "@/lib/server/referral-deadlines/mutations";
import { createDirector, deactivateDirector, reactivateDirector, replaceDirector, resetDirectorPassword } from "@/lib/server/users/director-mutations";
import { updateVisitPolicy } from "@/lib/server/visit-policies/mutations";
import { makeChild } from "../../factories/children";
import { makeUser } from "../../factories/users";
import { actorFor } from "../../support/actors";
import type { Place, Scenario } from "./harness";

const supervisorOf = (place: Place) => actorFor("TOWNSHIP_SUPERVISOR", place.township);
const account = () => ({ loginName: `audit-${crypto.randomUUID().slice(0, 8)}`, displayName: "李主任", phone: "" });

/** A village director's account and its version (the supervisor's forms post both). */
async function directorAccount(areaCode: string, isActive = true) {
  const { id } = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode, isActive });
  return db().user.findUniqueOrThrow({ where: { id }, select: { id: true, version: true } });
}
const userRow = (id: string) => () => db().user.findUnique({ where: { id }, select: { isActive: true, version: true, passwordHash: true, mustChangePassword: true } });

/** Two directors' accounts, one in the supervisor's village and one in another province. */
async function directors(place: Place, isActive = true) {
  return [await directorAccount(place.village.code, isActive), await directorAccount(place.foreign.code, isActive)] as const;
}

async function notificationFor(userId: string, areaCode: string) {
  return db().notification.create({ data: { userId, kind: "VISIT_OVERDUE", entity: "child", entityId: crypto.randomUUID(), areaCode, params: {} }, select: { id: true } });
}

export const ADMIN_SCENARIOS: Record<string, Scenario> = {
  createDirector: {
    async prepare(place) {
      const actor = await supervisorOf(place);
      return {
        allowed: { actor, run: () => createDirector(actor, { areaCode: place.village.code, ...account() }) },
        foreign: {
          actor,
          run: () => createDirector(actor, { areaCode: place.foreign.code, ...account() }),
          state: () => db().user.count({ where: { areaCode: place.foreign.code } }),
        },
      };
    },
  },
  deactivateDirector: {
    async prepare(place) {
      const actor = await supervisorOf(place);
      const [own, foreign] = await directors(place);
      return {
        allowed: { actor, run: () => deactivateDirector(actor, { userId: own.id, version: own.version }) },
        foreign: { actor, run: () => deactivateDirector(actor, { userId: foreign.id, version: foreign.version }), state: userRow(foreign.id) },
      };
    },
  },
  reactivateDirector: {
    async prepare(place) {
      const actor = await supervisorOf(place);
      const [own, foreign] = await directors(place, false);
      return {
        allowed: { actor, run: () => reactivateDirector(actor, { userId: own.id, version: own.version }) },
        foreign: { actor, run: () => reactivateDirector(actor, { userId: foreign.id, version: foreign.version }), state: userRow(foreign.id) },
      };
    },
  },
  resetDirectorPassword: {
    async prepare(place) {
      const actor = await supervisorOf(place);
      const [own, foreign] = await directors(place);
      return {
        allowed: { actor, run: () => resetDirectorPassword(actor, { userId: own.id, version: own.version }) },
        foreign: { actor, run: () => resetDirectorPassword(actor, { userId: foreign.id, version: foreign.version }), state: userRow(foreign.id) },
      };
    },
  },
  replaceDirector: {
    async prepare(place) {
      const actor = await supervisorOf(place);
      const [own, foreign] = await directors(place);
      return {
        allowed: { actor, run: () => replaceDirector(actor, { userId: own.id, version: own.version, ...account() }) },
        foreign: {
          actor,
          run: () => replaceDirector(actor, { userId: foreign.id, version: foreign.version, ...account() }),
          state: async () => ({ old: await userRow(foreign.id)(), accounts: await db().user.count({ where: { areaCode: place.foreign.code } }) }),
        },
      };
    },
  },
  updateReferralDeadline: {
    withoutId: "sets the deadline of the officer's own county",
    async prepare(place) {
      const actor = await actorFor("COUNTY_OFFICER", place.county);
      return { allowed: { actor, run: () => updateReferralDeadline(actor, { status: "SUBMITTED", workingDays: 7, version: 0 }) } };
    },
  },
  updateVisitPolicy: {
    withoutId: "sets the visit intervals of the officer's own county",
    async prepare(place) {
      const actor = await actorFor("COUNTY_OFFICER", place.county);
      return { allowed: { actor, run: () => updateVisitPolicy(actor, { version: 0, RED: 7, YELLOW: 14, BLUE: 30, GREEN: 60 }) } };
    },
  },
  markRead: {
    async prepare(place) {
      const actor = await actorFor("VILLAGE_DIRECTOR", place.village.code);
      const other = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: place.foreign.code });
      const [own, foreign] = [await notificationFor(actor.userId, place.village.code), await notificationFor(other.id, place.foreign.code)];
      return {
        allowed: { actor, run: async () => expect(await markRead(actor, [own.id])).toBe(1) },
        foreign: { actor, run: () => markRead(actor, [foreign.id]), state: () => db().notification.findUnique({ where: { id: foreign.id }, select: { readAt: true } }) },
      };
    },
  },
  announceOverdueVisits: {
    withoutId: "announces the overdue visits of the director's own village",
    async prepare(place) {
      const actor = await actorFor("VILLAGE_DIRECTOR", place.village.code);
      const child = await makeChild({ village: place.village });
      await db().child.update({ where: { id: child.id }, data: { nextVisitOn: dateValue(addCalendarDays(todayInChina(), -3)) } });
      return { allowed: { actor, run: async () => expect(await announceOverdueVisits(actor)).toBe(1) } };
    },
  },
};
