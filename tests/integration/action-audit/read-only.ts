import { searchVillages } from "@/lib/server/areas/search";
import { findLikelyDuplicates } from "@/lib/server/children/duplicates";
import { unsafeCheckDatabase } from "@/lib/server/health";
import { countUnread } from "@/lib/server/notifications/queries";
import { resolveActor, resolvePendingStep } from "@/lib/server/session";
import { makeUser } from "../../factories/users";
import { openSession } from "../../support/actors";
import { makeChild } from "../../factories/children";
import { actorFor } from "../../support/actors";
import type { ReadOnly } from "./harness";

/**
 * Data-layer functions reached from an action or route that only read and may write no audit row. The test
 * checks each really writes none, so this list cannot hide a write. The lead decides whether they should audit.
 */
export const READ_ONLY: Record<string, ReadOnly> = {
  findLikelyDuplicates: {
    reason: "the registration form's duplicate check: names and ages of look-alikes in the director's own village, before anything is saved",
    async prepare(place) {
      const actor = await actorFor("VILLAGE_DIRECTOR", place.village.code);
      const child = await makeChild({ village: place.village, name: "审计重名", dateOfBirth: "2018-03-01" });
      return { actor, run: () => findLikelyDuplicates(actor, { name: child.name, dateOfBirth: "2018-03-01" }) };
    },
  },
  countUnread: {
    reason: "the header bell's unread count of the actor's own notifications (polled every minute)",
    async prepare(place) {
      const actor = await actorFor("VILLAGE_DIRECTOR", place.village.code);
      return { actor, run: () => countUnread(actor) };
    },
  },
  searchVillages: {
    reason: "the transfer form's village picker: public place names, no case data",
    async prepare(place) {
      const actor = await actorFor("VILLAGE_DIRECTOR", place.village.code);
      return { actor, run: () => searchVillages(actor, "测试") };
    },
  },
  unsafeCheckDatabase: {
    reason: "GET /api/health, the unauthenticated liveness probe: one SELECT 1, no actor and no data",
    async prepare() {
      return { actor: null, run: () => unsafeCheckDatabase() };
    },
  },
  resolveActor: {
    reason: "the session gate of every request (lib/auth/get-actor.ts): proves the session; login and logout are the audited events",
    async prepare(place) {
      const user = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: place.village.code });
      const sessionId = await openSession(user.id);
      return { actor: { userId: user.id, requestId: "" }, run: () => resolveActor(sessionId) };
    },
  },
  resolvePendingStep: {
    reason: "the session gate of the login step pages (second factor, password change): proves the session only",
    async prepare(place) {
      const user = await makeUser({ role: "VILLAGE_DIRECTOR", areaCode: place.village.code });
      const sessionId = await openSession(user.id);
      return { actor: { userId: user.id, requestId: "" }, run: () => resolvePendingStep(sessionId) };
    },
  },
};
