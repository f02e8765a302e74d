import type { Actor } from "@/lib/server/session";
import { db } from "@/lib/server/db";
import { makeVillage } from "../../factories/areas";

type Village = { code: string; name: string };

/**
 * The areas of one scenario: a village with its township and county, and a foreign village in another
 * province, outside every local jurisdiction. Each scenario gets its own, so counts never mix.
 */
export type Place = {
  village: Village;
  township: string;
  county: string;
  foreign: Village;
  foreignTownship: string;
  foreignCounty: string;
};

/** Who an audit row is written for: an Actor, or a session holder still owing a login step. */
export type Auditable = Pick<Actor, "userId" | "requestId">;

/** One call of a data-layer function by one actor. */
export type Call = { actor: Auditable; run: () => Promise<unknown> };

/** A call naming a record outside the actor's jurisdiction; `state` reads what must not change. */
export type ForeignCall = Call & { state: () => Promise<unknown> };

export type Prepared = { allowed: Call; foreign?: ForeignCall };

export type Scenario = {
  /** Builds valid data (factories) in the scenario's own villages; returns the allowed call and, for a function that takes an id, one naming a record in another province. */
  prepare: (place: Place) => Promise<Prepared>;
  /** Why the function has no out-of-scope run: it takes no record id (it acts on the actor's own area). */
  withoutId?: string;
  /** A known gap, shown as an expected failure until the product fixes it (see the FINDING comment at the entry). */
  finding?: { success?: string; denial?: string };
};

/** A data-layer function that only reads: it may write no audit row, and the test checks it really writes none. */
export type ReadOnly = { reason: string; prepare: (place: Place) => Promise<Call | { actor: null; run: () => Promise<unknown> }> };

const pad = (n: number) => String(n).padStart(2, "0");

/** Scenario n lives in province 42 (prefecture and county from n); its foreign village in province 43. */
export async function placeFor(n: number): Promise<Place> {
  const county = `${pad(n % 100)}${pad(1 + Math.floor(n / 100))}`;
  const local = `42${county}`;
  const away = `43${county}`;
  return {
    village: await makeVillage(`${local}101201`),
    township: `${local}101000`,
    county: `${local}000000`,
    foreign: await makeVillage(`${away}101201`),
    foreignTownship: `${away}101000`,
    foreignCounty: `${away}000000`,
  };
}

export const auditCount = (actor: Auditable, outcome: "SUCCESS" | "DENIED" | "FAILURE") =>
  db().auditEvent.count({ where: { actorId: actor.userId, requestId: actor.requestId, outcome } });
