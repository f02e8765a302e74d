import crypto from "node:crypto";
import { todayInChina } from "@/lib/domain/dates";
import { createChildSchema, updateChildSchema } from "@/lib/schemas/child";
import { createGroupSessionSchema } from "@/lib/schemas/group-session";
import { householdSchema, updateHouseholdSchema } from "@/lib/schemas/household";
import { closeChildFile, reopenChildFile } from "@/lib/server/children/mutations";
import { createChild, updateChild } from "@/lib/server/children/registration";
import { db } from "@/lib/server/db";
import { createGroupSession } from "@/lib/server/group-sessions/mutations";
import { createHousehold, updateHousehold } from "@/lib/server/households/mutations";
import { makeChild } from "../../factories/children";
import { actorFor } from "../../support/actors";
import type { Place, Scenario } from "./harness";

const childRow = (id: string) => () => db().child.findUnique({ where: { id }, select: { status: true, version: true, name: true } });
const childrenOf = (householdId: string) => () => db().child.count({ where: { householdId } });
const director = (place: Place) => actorFor("VILLAGE_DIRECTOR", place.village.code);

// A child without an ID number, so an edit needs no matching number (registration.test.ts covers those).
const CHILD = {
  name: "审计",
  sex: "FEMALE",
  dateOfBirth: "2018-03-01",
  noId: "on",
  noIdReason: "未办理出生登记",
  hukouStatus: "NONE",
  schoolStage: "PRIMARY",
  schoolName: "小学",
  livingArrangement: "GRANDPARENTS",
  consentBasis: "STATUTORY_DUTY",
} as const;
const HOUSEHOLD = { address: "1组1号", memberCount: "3", fatherStatus: "AT_HOME", motherStatus: "AT_HOME" } as const;

const unregistered = (village: Place["village"]) => makeChild({ village, sex: "FEMALE", dateOfBirth: CHILD.dateOfBirth, hasIdNumber: false });
const householdVersion = async (id: string) => (await db().household.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

export const CHILDREN_SCENARIOS: Record<string, Scenario> = {
  closeChildFile: {
    async prepare(place) {
      const actor = await director(place);
      const [child, foreign] = [await makeChild({ village: place.village }), await makeChild({ village: place.foreign })];
      return {
        allowed: { actor, run: () => closeChildFile(actor, { childId: child.id, version: child.version, reason: "MOVED_AWAY" }) },
        foreign: { actor, run: () => closeChildFile(actor, { childId: foreign.id, version: foreign.version, reason: "MOVED_AWAY" }), state: childRow(foreign.id) },
      };
    },
  },
  reopenChildFile: {
    async prepare(place) {
      const actor = await director(place);
      const closed = async (village: Place["village"]) => {
        const child = await makeChild({ village });
        return db().child.update({ where: { id: child.id }, data: { status: "CLOSED", closedReason: "MOVED_AWAY", closedAt: new Date() }, select: { id: true, version: true } });
      };
      const [child, foreign] = [await closed(place.village), await closed(place.foreign)];
      return {
        allowed: { actor, run: () => reopenChildFile(actor, { childId: child.id, version: child.version, note: "回村" }) },
        foreign: { actor, run: () => reopenChildFile(actor, { childId: foreign.id, version: foreign.version, note: "回村" }), state: childRow(foreign.id) },
      };
    },
  },
  updateChild: {
    async prepare(place) {
      const actor = await director(place);
      const [child, foreign] = [await unregistered(place.village), await unregistered(place.foreign)];
      const edit = (c: { id: string; version: number }) => updateChildSchema.parse({ ...CHILD, name: "审计改名", childId: c.id, version: c.version });
      return {
        allowed: { actor, run: () => updateChild(actor, edit(child)) },
        foreign: { actor, run: () => updateChild(actor, edit(foreign)), state: childRow(foreign.id) },
      };
    },
  },
  createChild: {
    async prepare(place) {
      const actor = await director(place);
      const [own, foreign] = [await makeChild({ village: place.village }), await makeChild({ village: place.foreign })];
      const register = (householdId: string) => createChildSchema.parse({ ...CHILD, householdId, requestId: crypto.randomUUID() });
      return {
        allowed: { actor, run: () => createChild(actor, register(own.householdId)) },
        foreign: { actor, run: () => createChild(actor, register(foreign.householdId)), state: childrenOf(foreign.householdId) },
      };
    },
  },
  createHousehold: {
    withoutId: "the household's village is the director's own, never taken from input",
    async prepare(place) {
      const actor = await director(place);
      return { allowed: { actor, run: () => createHousehold(actor, householdSchema.parse({ ...HOUSEHOLD, requestId: crypto.randomUUID() })) } };
    },
  },
  updateHousehold: {
    async prepare(place) {
      const actor = await director(place);
      const [own, foreign] = [await makeChild({ village: place.village }), await makeChild({ village: place.foreign })];
      const edit = async (householdId: string) => updateHouseholdSchema.parse({ ...HOUSEHOLD, address: "2组2号", householdId, version: await householdVersion(householdId) });
      const [ownInput, foreignInput] = [await edit(own.householdId), await edit(foreign.householdId)];
      return {
        allowed: { actor, run: () => updateHousehold(actor, ownInput) },
        foreign: {
          actor,
          run: () => updateHousehold(actor, foreignInput),
          state: () => db().household.findUnique({ where: { id: foreign.householdId }, select: { address: true, version: true } }),
        },
      };
    },
  },
  createGroupSession: {
    async prepare(place) {
      const actor = await director(place);
      const [child, foreign] = [await makeChild({ village: place.village }), await makeChild({ village: place.foreign })];
      const session = (childId: string) =>
        createGroupSessionSchema.parse({
          requestId: crypto.randomUUID(),
          title: "防溺水",
          topic: "INJURY_PREVENTION",
          heldOn: todayInChina(),
          place: "村委会",
          facilitator: "王",
          childrenCount: 1,
          caregiversCount: 0,
          childIds: [childId],
        });
      return {
        allowed: { actor, run: () => createGroupSession(actor, session(child.id)) },
        // A session naming a child of another province: nothing is saved.
        foreign: { actor, run: () => createGroupSession(actor, session(foreign.id)), state: () => db().groupSession.count({ where: { areaCode: place.village.code } }) },
      };
    },
  },
};
