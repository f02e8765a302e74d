import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { todayInChina } from "@/lib/domain/dates";
import { disconnectDb } from "@/lib/server/db";
import { createReferral } from "@/lib/server/referrals/mutations";
import { recordVisit } from "@/lib/server/visits/mutations";
import { createBackup } from "../../scripts/lib/backup/create-backup";
import { topologicalOrder } from "../../scripts/lib/backup/catalog";
import { restoreBackup } from "../../scripts/lib/backup/restore-backup";
import { backupSigningKey, SIGNATURE_FILE, writeSignature } from "../../scripts/lib/backup/signature";
import { verifyChainSnapshot } from "../../scripts/lib/audit-chain/verify";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { makeEntitlement } from "../factories/entitlements";
import { visitInput } from "../factories/visits";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

const sourceUrl = setupTestDatabase();
onTestDatabaseClose(disconnectDb);

const VILLAGE = "530102001001";
const TARGET = `barefoot_restore_${crypto.randomBytes(6).toString("hex")}`;
let targetUrl: string;
let workDir: string;
let backupDir: string;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Per table: row count and an md5 over every row's text, so two databases compare row for row. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  return withClient(url, async (client) => {
    const tables = await client.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
    );
    const result: Record<string, string> = {};
    for (const { relname } of tables.rows) {
      const row = await client.query<{ n: string; md5: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "${relname}" t`,
      );
      result[relname] = `${row.rows[0]!.n}:${row.rows[0]!.md5}`;
    }
    return result;
  });
}

beforeAll(async () => {
  const village = await makeVillage(VILLAGE);
  const director = await actorFor("VILLAGE_DIRECTOR", VILLAGE);
  const children = [await makeChild({ village }), await makeChild({ village }), await makeChild({ village, hasIdNumber: false })];
  for (const child of children) {
    await recordVisit(director, visitInput({ childId: child.id, visitedOn: todayInChina(), riskLevel: "GREEN", notes: "家里一切正常\t含制表符\\和反斜杠" }));
  }
  await createReferral(director, { childId: children[0]!.id, type: "HEALTH", agency: "乡镇卫生院", reason: "需要接种疫苗" });
  await makeEntitlement({ child: children[1]! });

  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "barefoot-backup-test-"));
  backupDir = path.join(workDir, "backup");
  await createBackup(sourceUrl(), backupDir);
  await admin(`CREATE DATABASE "${TARGET}" TEMPLATE template0`);
  const url = new URL(inject("adminDatabaseUrl"));
  url.pathname = `/${TARGET}`;
  targetUrl = url.toString();
});

afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS "${TARGET}" WITH (FORCE)`);
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("writes an owner-only folder whose manifest counts and checksums every table", async () => {
    expect(fs.statSync(backupDir).mode & 0o777).toBe(0o700);
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, "manifest.json"), "utf8"));
    const names = manifest.tables.map((table: { name: string }) => table.name);
    expect(names).toEqual(expect.arrayContaining(["_prisma_migrations", "children", "visits", "referrals", "entitlement_events", "audit_events"]));
    expect(manifest.migrations.length).toBeGreaterThan(0);
    for (const table of manifest.tables) expect(fs.statSync(path.join(backupDir, table.file)).mode & 0o777).toBe(0o600);
    expect(names).toContain("audit_seals");
    expect(fs.readFileSync(path.join(backupDir, SIGNATURE_FILE), "utf8")).toMatch(/^hmac-sha256:[0-9a-f]{64}\n$/);
    expect(manifest.tables.find((table: { name: string }) => table.name === "children").rows).toBe(3);
  });

  it("refuses a backup with an edited file before touching the target", async () => {
    const tampered = path.join(workDir, "tampered");
    fs.cpSync(backupDir, tampered, { recursive: true });
    const file = path.join(tampered, "children.copy");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("GRANDPARENTS", "INSTITUTION"));
    await expect(restoreBackup(targetUrl, tampered)).rejects.toThrow(/children\.copy does not match its checksum/);
    const tables = await withClient(targetUrl, (client) => client.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public'`));
    expect(tables.rowCount).toBe(0);
  });

  it("refuses a backup made at another migration than this code's, with the schema-only target left empty", async () => {
    const older = path.join(workDir, "older");
    fs.cpSync(backupDir, older, { recursive: true });
    const manifestFile = path.join(older, "manifest.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
    manifest.migrations.pop();
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    // Signed with the right key: this stands for a genuine backup made by an older version.
    fs.rmSync(path.join(older, SIGNATURE_FILE));
    writeSignature(older, fs.readFileSync(manifestFile), backupSigningKey());
    await expect(restoreBackup(targetUrl, older)).rejects.toThrow(/^The backup was made at migration/);
    const children = await withClient(targetUrl, (client) => client.query(`SELECT 1 FROM children`));
    expect(children.rowCount).toBe(0);
  });

  it("refuses an edited table file even when the manifest's checksum was fixed to match, because the signature breaks", async () => {
    const forged = path.join(workDir, "forged");
    fs.cpSync(backupDir, forged, { recursive: true });
    const file = path.join(forged, "children.copy");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("GRANDPARENTS", "INSTITUTION"));
    const manifestFile = path.join(forged, "manifest.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
    manifest.tables.find((table: { name: string }) => table.name === "children").sha256 = crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + "\n");
    await expect(restoreBackup(targetUrl, forged)).rejects.toThrow(/^The manifest's signature does not match/);
  });

  it("refuses an unsigned backup, and one signed with another key", async () => {
    const unsigned = path.join(workDir, "unsigned");
    fs.cpSync(backupDir, unsigned, { recursive: true });
    fs.rmSync(path.join(unsigned, SIGNATURE_FILE));
    await expect(restoreBackup(targetUrl, unsigned)).rejects.toThrow(/manifest\.json\.sig not found: the backup is unsigned/);
    const otherKey = backupSigningKey({ BACKUP_SIGNING_KEY: "another deployment's signing key" });
    await expect(restoreBackup(targetUrl, backupDir, otherKey)).rejects.toThrow(/^The manifest's signature does not match/);
    const children = await withClient(targetUrl, (client) => client.query(`SELECT 1 FROM pg_tables WHERE tablename = 'children'`));
    const rows = children.rowCount ? await withClient(targetUrl, (client) => client.query(`SELECT 1 FROM children`)) : { rowCount: 0 };
    expect(rows.rowCount).toBe(0);
  });

  it("refuses to commit a restore whose audit chain does not verify (an event edited in the backup, re-signed by its holder)", async () => {
    const edited = path.join(workDir, "edited-audit");
    fs.cpSync(backupDir, edited, { recursive: true });
    const file = path.join(edited, "audit_events.copy");
    const lines = fs.readFileSync(file, "utf8").split("\n");
    lines[0] = lines[0]!.replace("\tSUCCESS\t", "\tDENIED\t");
    fs.writeFileSync(file, lines.join("\n"));
    const manifestFile = path.join(edited, "manifest.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
    manifest.tables.find((table: { name: string }) => table.name === "audit_events").sha256 = crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + "\n");
    fs.rmSync(path.join(edited, SIGNATURE_FILE));
    writeSignature(edited, fs.readFileSync(manifestFile), backupSigningKey());
    await expect(restoreBackup(targetUrl, edited)).rejects.toThrow(/^The restored audit chain does not verify: .* edited/);
    const events = await withClient(targetUrl, (client) => client.query(`SELECT 1 FROM audit_events`));
    expect(events.rowCount).toBe(0);
  });

  it("restores every row of every table into an empty database", async () => {
    const result = await restoreBackup(targetUrl, backupDir);
    expect(result.rows).toBeGreaterThan(0);
    const [before, after] = [await fingerprint(sourceUrl()), await fingerprint(targetUrl)];
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(after).toEqual(before);
    expect(Number(before.audit_events!.split(":")[0])).toBeGreaterThan(0);
  });

  it("the restored chain verifies, with the same head hash as the source and no event sealed twice", async () => {
    const [source, restored] = [
      await withClient(sourceUrl(), (client) => verifyChainSnapshot(client)),
      await withClient(targetUrl, (client) => verifyChainSnapshot(client)),
    ];
    expect(source.ok && restored.ok).toBe(true);
    if (!source.ok || !restored.ok) return;
    expect(restored.seals).toBe(source.seals);
    expect(restored.seals).toBe(restored.events);
    expect(restored.headHash).toBe(source.headHash);
    const enabled = await withClient(targetUrl, (client) =>
      client.query<{ tgenabled: string }>(`SELECT tgenabled FROM pg_trigger WHERE tgname = 'audit_events_seal'`),
    );
    expect(enabled.rows[0]!.tgenabled).toBe("O");
  });

  it("moves the audit id sequence past the restored rows, so new events append", async () => {
    await withClient(targetUrl, async (client) => {
      const max = await client.query<{ max: string }>(`SELECT max(id) AS max FROM audit_events`);
      const inserted = await client.query<{ id: string }>(
        `INSERT INTO audit_events (action, entity, outcome) VALUES ('login', 'session', 'DENIED') RETURNING id`,
      );
      expect(BigInt(inserted.rows[0]!.id)).toBeGreaterThan(BigInt(max.rows[0]!.max));
      // ...and are sealed onto the restored chain.
      expect((await verifyChainSnapshot(client)).ok).toBe(true);
    });
  });

  it("refuses to restore into a database that already holds rows", async () => {
    await expect(restoreBackup(targetUrl, backupDir)).rejects.toThrow(/^The target database is not empty \(table \w+ has rows\)/);
  });

  it("orders tables after the tables they point to, and names the tables of a foreign-key cycle", () => {
    const edges = [
      { child: "visits", parent: "children" },
      { child: "children", parent: "households" },
      { child: "admin_areas", parent: "admin_areas" },
    ];
    expect(topologicalOrder(["visits", "children", "households", "admin_areas"], edges)).toEqual(["admin_areas", "households", "children", "visits"]);
    const cycle = [...edges, { child: "households", parent: "visits" }];
    expect(() => topologicalOrder(["visits", "children", "households", "admin_areas"], cycle)).toThrow(
      "Foreign keys form a cycle among children, households, visits; cannot find a restore order.",
    );
  });
});
