import crypto from "node:crypto";
import { addMonths, currentMonth } from "@/lib/domain/months";
import { createApplicationSchema, transitionEntitlementSchema } from "@/lib/schemas/entitlement";
import { setBenefitRate } from "@/lib/server/benefits/set-rate";
import { db } from "@/lib/server/db";
import { readDocument } from "@/lib/server/entitlement-documents/download";
import { addDocument, removeDocument } from "@/lib/server/entitlement-documents/mutations";
import { createApplication } from "@/lib/server/entitlements/create";
import { transitionEntitlement } from "@/lib/server/entitlements/transition";
import { exportIndicatorTable } from "@/lib/server/indicators/export";
import { exportPaymentBatch } from "@/lib/server/payments/export";
import { recordPayments } from "@/lib/server/payments/record";
import { listPaymentRoster } from "@/lib/server/payments/roster";
import type { Actor } from "@/lib/server/session";
import { makeChild } from "../../factories/children";
import { makeEntitlement } from "../../factories/entitlements";
import { actorFor } from "../../support/actors";
import type { Place, Scenario } from "./harness";

type Village = Place["village"];

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
/** A different photo each time: the same bytes twice are one file. */
const photo = () => new Uint8Array([...PNG, ...crypto.randomBytes(8)]);

const countyOf = (place: Place) => actorFor("COUNTY_OFFICER", place.county);
const entitlementRow = (id: string) => () => db().entitlement.findUnique({ where: { id }, select: { status: true, version: true } });
const documentRow = (id: string) => () => db().entitlementDocument.findUnique({ where: { id }, select: { removedAt: true } });

async function applicationIn(village: Village, status: "APPLIED" | "RECEIVING" = "APPLIED") {
  const child = await makeChild({ village, categories: [{ category: "ORPHAN" }] });
  return makeEntitlement({ child: { id: child.id, areaCode: village.code }, status });
}

/** One uploaded photo of an open application, by the village's director (the only one who may take it off again). */
async function uploadIn(village: Village, director?: Actor) {
  const uploader = director ?? (await actorFor("VILLAGE_DIRECTOR", village.code));
  const entitlement = await applicationIn(village);
  const { id } = await addDocument(uploader, { entitlementId: entitlement.id, documentCode: "CHILD_HUKOU", fileName: "户口簿.png", bytes: photo() });
  return { entitlementId: entitlement.id, documentId: id };
}

/** Records `month` as the officer's page would: the roster as listed a moment before, with `exceptions`. */
async function record(county: Actor, month: string, exceptions: { entitlementId: string; reason: string }[] = []) {
  const shown = await listPaymentRoster(county, { benefit: "ORPHAN_ALLOWANCE", month });
  const expected = { entitlementIds: shown.rows.map((r) => r.entitlementId), totalFen: shown.totalFen };
  return recordPayments(county, { benefit: "ORPHAN_ALLOWANCE", month, requestId: crypto.randomUUID(), exceptions, expected });
}

const LAST_MONTH = () => addMonths(currentMonth(), -1);

export const BENEFIT_SCENARIOS: Record<string, Scenario> = {
  createApplication: {
    async prepare(place) {
      const actor = await actorFor("VILLAGE_DIRECTOR", place.village.code);
      const orphan = (village: Village) => makeChild({ village, categories: [{ category: "ORPHAN" }] });
      const [child, foreign] = [await orphan(place.village), await orphan(place.foreign)];
      // A justification, so the application stands whatever the eligibility rules make of the factory's facts.
      const apply = (childId: string) => createApplicationSchema.parse({ childId, benefit: "ORPHAN_ALLOWANCE", requestId: crypto.randomUUID(), justification: "父母双亡" });
      return {
        allowed: { actor, run: () => createApplication(actor, apply(child.id)) },
        foreign: { actor, run: () => createApplication(actor, apply(foreign.id)), state: () => db().entitlement.count({ where: { childId: foreign.id } }) },
      };
    },
  },
  transitionEntitlement: {
    async prepare(place) {
      const actor = await actorFor("TOWNSHIP_SUPERVISOR", place.township);
      const [own, foreign] = [await applicationIn(place.village), await applicationIn(place.foreign)];
      const check = (e: { id: string; version: number }) => transitionEntitlementSchema.parse({ entitlementId: e.id, version: e.version, to: "CHECKED" });
      return {
        allowed: { actor, run: () => transitionEntitlement(actor, check(own)) },
        foreign: { actor, run: () => transitionEntitlement(actor, check(foreign)), state: entitlementRow(foreign.id) },
      };
    },
  },
  addDocument: {
    async prepare(place) {
      const actor = await actorFor("VILLAGE_DIRECTOR", place.village.code);
      const [own, foreign] = [await applicationIn(place.village), await applicationIn(place.foreign)];
      const add = (entitlementId: string) => addDocument(actor, { entitlementId, documentCode: "CHILD_HUKOU", fileName: "户口簿.png", bytes: photo() });
      return {
        allowed: { actor, run: () => add(own.id) },
        foreign: { actor, run: () => add(foreign.id), state: () => db().entitlementDocument.count({ where: { entitlementId: foreign.id } }) },
      };
    },
  },
  readDocument: {
    async prepare(place) {
      const actor = await actorFor("VILLAGE_DIRECTOR", place.village.code);
      const [own, foreign] = [await uploadIn(place.village, actor), await uploadIn(place.foreign)];
      return {
        allowed: { actor, run: () => readDocument(actor, own) },
        foreign: { actor, run: () => readDocument(actor, foreign), state: documentRow(foreign.documentId) },
      };
    },
  },
  removeDocument: {
    async prepare(place) {
      const actor = await actorFor("VILLAGE_DIRECTOR", place.village.code);
      const [own, foreign] = [await uploadIn(place.village, actor), await uploadIn(place.foreign)];
      return {
        allowed: { actor, run: () => removeDocument(actor, own) },
        foreign: { actor, run: () => removeDocument(actor, foreign), state: documentRow(foreign.documentId) },
      };
    },
  },
  recordPayments: {
    async prepare(place) {
      const actor = await countyOf(place);
      await applicationIn(place.village, "RECEIVING");
      const foreign = await applicationIn(place.foreign, "RECEIVING");
      const earlier = addMonths(currentMonth(), -2);
      return {
        allowed: { actor, run: () => record(actor, LAST_MONTH()) },
        // Another month, so the refusal is about the foreign entitlement and not about a month already recorded.
        foreign: {
          actor,
          run: () => record(actor, earlier, [{ entitlementId: foreign.id, reason: "账户冻结" }]),
          state: () => db().paymentBatch.count({ where: { areaCode: { startsWith: place.county.slice(0, 6) } } }),
        },
      };
    },
  },
  exportPaymentBatch: {
    async prepare(place) {
      const actor = await countyOf(place);
      const foreignCounty = await actorFor("COUNTY_OFFICER", place.foreignCounty);
      await applicationIn(place.village, "RECEIVING");
      await applicationIn(place.foreign, "RECEIVING");
      const [own, foreign] = [await record(actor, LAST_MONTH()), await record(foreignCounty, LAST_MONTH())];
      return {
        allowed: { actor, run: () => exportPaymentBatch(actor, { batchId: own.id, format: "csv", locale: "zh-CN" }) },
        foreign: { actor, run: () => exportPaymentBatch(actor, { batchId: foreign.id, format: "csv", locale: "zh-CN" }), state: () => db().paymentBatch.findUnique({ where: { id: foreign.id } }) },
      };
    },
  },
  exportIndicatorTable: {
    async prepare(place) {
      const actor = await countyOf(place);
      const run = (area: string) => () => exportIndicatorTable(actor, { area, month: undefined, sort: "visitCoverage", dir: "asc", trend: "visitCoverage", format: "csv", locale: "zh-CN" });
      return {
        allowed: { actor, run: run(place.county) },
        foreign: { actor, run: run(place.foreignCounty), state: () => db().indicatorRollup.count() },
      };
    },
  },
  setBenefitRate: {
    withoutId: "sets the rate of the officer's own county",
    async prepare(place) {
      const actor = await countyOf(place);
      return { allowed: { actor, run: () => setBenefitRate(actor, { benefit: "ORPHAN_ALLOWANCE", month: currentMonth(), amountYuan: "1500.00" }) } };
    },
  },
};
