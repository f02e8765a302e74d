import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/server/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { discoverDataLayerCalls } from "./action-audit/discover";
import { auditCount, placeFor, type Call, type Prepared, type ReadOnly, type Scenario } from "./action-audit/harness";
import { READ_ONLY } from "./action-audit/read-only";
import { ACCOUNT_SCENARIOS } from "./action-audit/scenarios-accounts";
import { ADMIN_SCENARIOS } from "./action-audit/scenarios-admin";
import { BENEFIT_SCENARIOS } from "./action-audit/scenarios-benefits";
import { CASEWORK_SCENARIOS } from "./action-audit/scenarios-casework";
import { CHILDREN_SCENARIOS } from "./action-audit/scenarios-children";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

// Issue 7 ("Audit you can trust"): every server action and route handler that reaches the data layer
// leaves an audit row, for what it did and for what it was refused.

// This file's uploads (addDocument) go to a folder of their own, read by lib/server/env.ts on first use.
const UPLOADS = fs.mkdtempSync(path.join(os.tmpdir(), "barefoot-action-audit-"));
process.env.UPLOAD_DIR = UPLOADS;

setupTestDatabase();
onTestDatabaseClose(disconnectDb);
afterAll(() => fs.rmSync(UPLOADS, { recursive: true, force: true }));

/** What actions and routes import from lib/server that is no data-layer operation: a whole module, or module#name. */
const SKIP: Record<string, string> = {
  "access/policy": "can(): the policy table checked early (a 403 before reading an upload); the data layer asserts it again",
  errors: "error classes, to map a refusal to a status code",
  "uploads/file-name": "formats a Content-Disposition header",
  "uploads/multipart": "reads the request body with a size limit, before any data-layer call",
  "uploads/upload-error": "an error class for a rejected upload",
  "session#SESSION_ABSOLUTE_HOURS": "a constant: next-auth's cookie lifetime",
  "auth/login#LoginThrottledError": "an error class: too many failed logins from one address",
};
const skipped = (call: { module: string; name: string }) => call.module in SKIP || `${call.module}#${call.name}` in SKIP;

const SCENARIOS: Record<string, Scenario> = { ...CHILDREN_SCENARIOS, ...CASEWORK_SCENARIOS, ...BENEFIT_SCENARIOS, ...ADMIN_SCENARIOS, ...ACCOUNT_SCENARIOS };

const discovered = discoverDataLayerCalls().filter((call) => !skipped(call));

describe("every data-layer function an action or route calls has an audit scenario", () => {
  it("finds the server actions and route handlers' data-layer calls in the source", () => {
    // A broken regex or a moved folder would find nothing and pass everything below.
    expect(discovered.length).toBeGreaterThan(30);
    expect(discovered.map((c) => c.name)).toEqual(expect.arrayContaining(["recordVisit", "createChild", "exportPaymentBatch", "readDocument"]));
  });

  it("has a scenario or a read-only entry for each one", () => {
    const missing = discovered.filter((call) => !SCENARIOS[call.name] && !READ_ONLY[call.name]);
    expect(missing.map((c) => `${c.name} (lib/server/${c.module}, called by ${c.callers.join(", ")})`)).toEqual([]);
  });

  it("keeps no scenario for a function that no action or route calls any more", () => {
    const called = new Set(discovered.map((c) => c.name));
    expect([...Object.keys(SCENARIOS), ...Object.keys(READ_ONLY)].filter((name) => !called.has(name))).toEqual([]);
  });

  it("skips only what an action or route still imports", () => {
    const imported = discoverDataLayerCalls().flatMap((call) => [call.module, `${call.module}#${call.name}`]);
    expect(Object.keys(SKIP).filter((key) => !imported.includes(key))).toEqual([]);
  });

  it("lists no function both as audited and as read-only", () => {
    expect(Object.keys(READ_ONLY).filter((name) => name in SCENARIOS)).toEqual([]);
  });
});

const isRefusal = (error: unknown) => error instanceof NotFoundError || error instanceof ForbiddenError || error instanceof ValidationError;
/** A finding is a known gap: the assertion is expected to fail until the product closes it. */
const check = (finding: string | undefined) => (finding ? it.fails : it);

Object.entries(SCENARIOS).forEach(([name, scenario], index) => {
  describe(name, () => {
    let prepared: Prepared;
    const counts = { successBefore: 0, successAfter: 0, deniedBefore: 0, deniedAfter: 0 };
    let refusal: unknown;

    beforeAll(async () => {
      prepared = await scenario.prepare(await placeFor(index + 1));
    });

    it("runs for an allowed actor on a record in her jurisdiction", async () => {
      const { actor, run } = prepared.allowed;
      counts.successBefore = await auditCount(actor, "SUCCESS");
      await run();
      counts.successAfter = await auditCount(actor, "SUCCESS");
    });

    check(scenario.finding?.success)(`writes a SUCCESS audit row for that call${scenario.finding?.success ? ` (FINDING: ${scenario.finding.success})` : ""}`, () => {
      expect(counts.successAfter).toBeGreaterThan(counts.successBefore);
    });

    if (scenario.withoutId) {
      it(`takes no record id, so there is no out-of-scope call to refuse (${scenario.withoutId})`, () => {
        expect(prepared.foreign).toBeUndefined();
      });
      return;
    }

    it("changes nothing when given the id of a record in another province", async () => {
      const foreign = prepared.foreign;
      if (!foreign) throw new Error(`${name} takes a record id: its scenario needs a foreign call (or withoutId with a reason)`);
      const before = await foreign.state();
      counts.deniedBefore = await auditCount(foreign.actor, "DENIED");
      refusal = await foreign.run().then(
        () => null,
        (error: unknown) => error,
      );
      counts.deniedAfter = await auditCount(foreign.actor, "DENIED");
      expect(await foreign.state()).toEqual(before);
    });

    check(scenario.finding?.denial)(`refuses that id as not found, forbidden or invalid${scenario.finding?.denial ? ` (FINDING: ${scenario.finding.denial})` : ""}`, () => {
      expect(isRefusal(refusal), String(refusal)).toBe(true);
    });

    check(scenario.finding?.denial)(`leaves a DENIED audit row for that refusal${scenario.finding?.denial ? " (FINDING: see above)" : ""}`, () => {
      expect(counts.deniedAfter).toBeGreaterThan(counts.deniedBefore);
    });
  });
});

const auditRows = (call: Call | { actor: null }) =>
  call.actor ? db().auditEvent.count({ where: { actorId: call.actor.userId } }) : db().auditEvent.count();

Object.entries(READ_ONLY).forEach(([name, entry]: [string, ReadOnly], index) => {
  it(`${name} only reads and writes no audit row (${entry.reason})`, async () => {
    const call = await entry.prepare(await placeFor(Object.keys(SCENARIOS).length + index + 1));
    const before = await auditRows(call);
    await call.run();
    expect(await auditRows(call)).toBe(before);
  });
});
