import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dateValue, todayInChina } from "@/lib/domain/dates";
import type { EntitlementStatusName } from "@/lib/domain/enums";
import { MAX_DOCUMENT_BYTES } from "@/lib/schemas/entitlement-document";
import { db, disconnectDb } from "@/lib/server/db";
import { readDocument } from "@/lib/server/entitlement-documents/download";
import { addDocument, removeDocument } from "@/lib/server/entitlement-documents/mutations";
import { getDocumentChecklist } from "@/lib/server/entitlement-documents/queries";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/session";
import { UploadRejectedError } from "@/lib/server/uploads/upload-error";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

// Each test file stores its uploads in its own folder (read by lib/server/env.ts on first use).
const UPLOADS = fs.mkdtempSync(path.join(os.tmpdir(), "barefoot-uploads-"));
process.env.UPLOAD_DIR = UPLOADS;

setupTestDatabase();
onTestDatabaseClose(disconnectDb);
afterAll(() => fs.rmSync(UPLOADS, { recursive: true, force: true }));

// Villages A and A2 in one township, E in another township of the same county, F in another county.
const A = "360732101201";
const A2 = "360732101202";
const E = "360732102201";
const F = "360733101201";
const TOWNSHIP = "360732101000";
const COUNTY = "360732000000";

let director: Actor;
let secondDirector: Actor;
let neighbour: Actor;
let supervisor: Actor;
let otherSupervisor: Actor;
let county: Actor;
let otherCounty: Actor;

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n");
const HTML = new TextEncoder().encode("<!DOCTYPE html><script>fetch('/api/v1/notifications')</script>");

/** An application made directly (helper B's factory is written in parallel): ORPHAN_ALLOWANCE lists 5 documents. */
async function makeEntitlement(village: string, status: EntitlementStatusName = "APPLIED") {
  const child = await makeChild({ village: { code: village, name: `测试村${village.slice(-3)}` }, categories: [{ category: "ORPHAN" }] });
  return db().entitlement.create({
    data: { childId: child.id, areaCode: village, type: "ORPHAN_ALLOWANCE", status, appliedOn: dateValue(todayInChina()), createdById: director.userId },
    select: { id: true },
  });
}

/** A different photo each time (the same bytes twice are one file: see the retry test). */
const photo = () => new Uint8Array([...PNG, ...crypto.randomBytes(8)]);
const upload = (actor: Actor, entitlementId: string, extra: { documentCode?: string; fileName?: string; bytes?: Uint8Array } = {}) =>
  addDocument(actor, { entitlementId, documentCode: extra.documentCode ?? "CHILD_HUKOU", fileName: extra.fileName ?? "户口簿.png", bytes: extra.bytes ?? photo() });

function storedFiles(): string[] {
  return fs.readdirSync(UPLOADS, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
}

const audits = (where: { entityId?: string; actorId: string; action: string; outcome?: "SUCCESS" | "DENIED" }) =>
  db().auditEvent.findMany({ where: { entity: "entitlementDocument", outcome: "SUCCESS", ...where }, select: { areaCode: true, details: true, entityId: true } });

beforeAll(async () => {
  for (const code of [A, A2, E, F]) await makeVillage(code);
  director = await actorFor("VILLAGE_DIRECTOR", A);
  secondDirector = await actorFor("VILLAGE_DIRECTOR", A);
  neighbour = await actorFor("VILLAGE_DIRECTOR", A2);
  supervisor = await actorFor("TOWNSHIP_SUPERVISOR", TOWNSHIP);
  otherSupervisor = await actorFor("TOWNSHIP_SUPERVISOR", E.slice(0, 9).padEnd(12, "0"));
  county = await actorFor("COUNTY_OFFICER", COUNTY);
  otherCounty = await actorFor("COUNTY_OFFICER", F.slice(0, 6).padEnd(12, "0"));
});

describe("adding a document to an application", () => {
  it("stores the file privately under a random key and keeps its sniffed type, size and sha256", async () => {
    const { id: entitlementId } = await makeEntitlement(A);
    const { id } = await upload(director, entitlementId, { fileName: "../../出生证明.pdf", bytes: PNG });
    const row = await db().entitlementDocument.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ areaCode: A, documentCode: "CHILD_HUKOU", contentType: "image/png", sizeBytes: PNG.byteLength, uploadedById: director.userId, removedAt: null });
    // The declared name says PDF, the bytes say PNG: the bytes win, and the name cannot climb folders.
    expect(row.fileName).toBe("出生证明.pdf.png");
    expect(row.sha256).toBe(crypto.createHash("sha256").update(PNG).digest("hex"));
    expect(row.storageKey).toMatch(/^[0-9a-f]{32}$/);
    const file = path.join(UPLOADS, row.storageKey.slice(0, 2), row.storageKey);
    expect(new Uint8Array(fs.readFileSync(file))).toEqual(PNG);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    const [audit] = await audits({ entityId: id, actorId: director.userId, action: "create" });
    expect(audit).toMatchObject({ areaCode: A, details: { entitlementId, documentCode: "CHILD_HUKOU", contentType: "image/png" } });
    expect(JSON.stringify(audit!.details)).not.toContain("出生证明");
  });

  it("accepts JPEG, PNG and PDF files, whatever they are called, while the application is APPLIED or RETURNED", async () => {
    for (const status of ["APPLIED", "RETURNED"] as const) {
      const { id: entitlementId } = await makeEntitlement(A, status);
      await upload(director, entitlementId, { bytes: JPEG, fileName: "scan.pdf" });
      await upload(director, entitlementId, { bytes: PDF, fileName: "scan.jpg", documentCode: "APPLICATION_FORM" });
      const items = await getDocumentChecklist(director, entitlementId);
      expect(items.find((i) => i.code === "CHILD_HUKOU")!.uploads.map((u) => u.contentType)).toEqual(["image/jpeg"]);
      expect(items.find((i) => i.code === "APPLICATION_FORM")!.uploads.map((u) => u.fileName)).toEqual(["scan.jpg.pdf"]);
    }
  });

  it("refuses an HTML page named like a photo, and stores nothing", async () => {
    const { id: entitlementId } = await makeEntitlement(A);
    const before = storedFiles().length;
    await expect(upload(director, entitlementId, { bytes: HTML, fileName: "photo.jpg" })).rejects.toMatchObject({ reason: "unsupportedType" });
    expect(await db().entitlementDocument.count({ where: { entitlementId } })).toBe(0);
    expect(storedFiles()).toHaveLength(before);
  });

  it("refuses an empty file and a file over 5 MB, and accepts one of exactly 5 MB", async () => {
    const { id: entitlementId } = await makeEntitlement(A);
    await expect(upload(director, entitlementId, { bytes: new Uint8Array(0) })).rejects.toMatchObject({ reason: "empty" });
    const over = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    over.set(JPEG);
    await expect(upload(director, entitlementId, { bytes: over })).rejects.toBeInstanceOf(UploadRejectedError);
    await expect(upload(director, entitlementId, { bytes: over })).rejects.toMatchObject({ reason: "tooLarge" });
    const exact = over.subarray(0, MAX_DOCUMENT_BYTES);
    const { id } = await upload(director, entitlementId, { bytes: exact });
    expect((await db().entitlementDocument.findUniqueOrThrow({ where: { id } })).sizeBytes).toBe(MAX_DOCUMENT_BYTES);
  });

  it("refuses a document code the benefit does not list, audits the refusal and stores nothing", async () => {
    const { id: entitlementId } = await makeEntitlement(A);
    const before = storedFiles().length;
    // DISABILITY_CERTIFICATE belongs to other benefits, not to the orphan allowance.
    const error = await upload(director, entitlementId, { documentCode: "DISABILITY_CERTIFICATE" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ fieldErrors: { documentCode: ["entitlementDocument.errors.documentCode"] } });
    expect(await db().entitlementDocument.count({ where: { entitlementId } })).toBe(0);
    expect(storedFiles()).toHaveLength(before);
    const denied = await audits({ actorId: director.userId, action: "create", outcome: "DENIED" });
    expect(denied.some((a) => (a.details as { entitlementId?: string }).entitlementId === entitlementId)).toBe(true);
  });

  it("removes the file it wrote when the transaction then fails, so no file is left without its row", async () => {
    const { id: entitlementId } = await makeEntitlement(A);
    const before = storedFiles().length;
    // A forged actor whose id the uuid column refuses: the insert fails after the file was written.
    const broken = { ...director, userId: "not-a-uuid" } as Actor;
    await expect(upload(broken, entitlementId)).rejects.toThrow();
    expect(await db().entitlementDocument.count({ where: { entitlementId } })).toBe(0);
    expect(storedFiles()).toHaveLength(before);
  });

  it.each(["CHECKED", "CONFIRMED", "DENIED", "RECEIVING", "WITHDRAWN"] as const)("refuses new files once the application is %s", async (status) => {
    const { id: entitlementId } = await makeEntitlement(A, status);
    const before = storedFiles().length;
    await expect(upload(director, entitlementId)).rejects.toMatchObject({ messageKey: "entitlementDocument.errors.closed" });
    await expect(upload(director, entitlementId)).rejects.toBeInstanceOf(ConflictError);
    expect(storedFiles()).toHaveLength(before);
  });

  it("keeps one file when the same photo is sent again (a retry after a lost response)", async () => {
    const { id: entitlementId } = await makeEntitlement(A);
    const bytes = photo();
    const first = await upload(director, entitlementId, { bytes });
    await expect(upload(director, entitlementId, { bytes })).resolves.toEqual(first);
    expect(await db().entitlementDocument.count({ where: { entitlementId } })).toBe(1);
  });

  it("keeps at most five live files per document, also when they arrive at the same moment", async () => {
    const { id: entitlementId } = await makeEntitlement(A);
    for (let i = 0; i < 3; i++) await upload(director, entitlementId);
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => upload(director, entitlementId)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason)).toEqual([
      expect.objectContaining({ messageKey: "entitlementDocument.errors.tooMany" }),
      expect.objectContaining({ messageKey: "entitlementDocument.errors.tooMany" }),
    ]);
    // Another document of the same application still takes files; removing one makes room again.
    await upload(director, entitlementId, { documentCode: "GUARDIAN_ID" });
    const [first] = (await getDocumentChecklist(director, entitlementId)).find((i) => i.code === "CHILD_HUKOU")!.uploads;
    await removeDocument(director, { entitlementId, documentId: first!.id });
    await expect(upload(director, entitlementId)).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("is refused to the township and the county, who check the documents but do not collect them", async () => {
    const { id: entitlementId } = await makeEntitlement(A);
    await expect(upload(supervisor, entitlementId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(upload(county, entitlementId)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("the checklist", () => {
  it("lists the benefit's documents in catalogue order with the live files of each, and the uploader's name", async () => {
    const { id: entitlementId } = await makeEntitlement(A);
    await upload(director, entitlementId, { documentCode: "GUARDIAN_ID" });
    const items = await getDocumentChecklist(director, entitlementId);
    expect(items.map((i) => i.code)).toEqual(["APPLICATION_FORM", "CHILD_HUKOU", "CHILD_ID_OR_BIRTH", "PARENTS_DEATH_OR_MISSING", "GUARDIAN_ID"]);
    expect(items[0]).toMatchObject({ nameZh: "申请表（监护人签字）", nameEn: "Application form signed by the guardian", uploads: [] });
    expect(items[4]!.uploads).toEqual([
      { id: expect.any(String), fileName: "户口簿.png", contentType: "image/png", sizeBytes: PNG.byteLength + 8, uploadedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/), uploadedByName: "测试用户", isOwn: true },
    ]);
    expect((await getDocumentChecklist(secondDirector, entitlementId))[4]!.uploads[0]!.isOwn).toBe(false);
    expect((await getDocumentChecklist(supervisor, entitlementId))[4]!.uploads).toHaveLength(1);
    expect((await getDocumentChecklist(county, entitlementId))[4]!.uploads).toHaveLength(1);
  });
});

describe("out of jurisdiction", () => {
  it("an application of another village, township or county is not found, and every attempt is audited as DENIED", async () => {
    const { id: entitlementId } = await makeEntitlement(A);
    const { id: documentId } = await upload(director, entitlementId);
    const ids = { entitlementId, documentId };
    for (const outsider of [neighbour, otherSupervisor, otherCounty]) {
      await expect(getDocumentChecklist(outsider, entitlementId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(readDocument(outsider, ids)).rejects.toBeInstanceOf(NotFoundError);
      expect(await audits({ actorId: outsider.userId, action: "list", outcome: "DENIED" })).toEqual([expect.objectContaining({ details: { entitlementId } })]);
      expect(await audits({ actorId: outsider.userId, action: "read", outcome: "DENIED" })).toEqual([expect.objectContaining({ entityId: documentId })]);
      expect(await audits({ actorId: outsider.userId, action: "read" })).toEqual([]);
    }
    await expect(upload(neighbour, entitlementId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeDocument(neighbour, ids)).rejects.toBeInstanceOf(NotFoundError);
    expect(await audits({ actorId: neighbour.userId, action: "create", outcome: "DENIED" })).toHaveLength(1);
    expect(await audits({ actorId: neighbour.userId, action: "close", outcome: "DENIED" })).toEqual([expect.objectContaining({ entityId: documentId })]);
    expect(await db().entitlementDocument.count({ where: { entitlementId } })).toBe(1);
    expect((await db().entitlementDocument.findUniqueOrThrow({ where: { id: documentId } })).removedAt).toBeNull();
  });

  it("a document asked for under another application is not found, even in scope", async () => {
    const { id: first } = await makeEntitlement(A);
    const { id: second } = await makeEntitlement(A);
    const { id: documentId } = await upload(director, first);
    await expect(readDocument(director, { entitlementId: second, documentId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeDocument(director, { entitlementId: second, documentId })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("malformed ids are simply not found", async () => {
    await expect(getDocumentChecklist(director, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    await expect(readDocument(director, { entitlementId: "x", documentId: "../../etc/passwd" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(upload(director, "1; DROP TABLE entitlements")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("reading a document", () => {
  it("gives the stored bytes with the sniffed type and audits every read as a read of the document", async () => {
    const { id: entitlementId } = await makeEntitlement(A);
    const { id: documentId } = await upload(director, entitlementId, { bytes: PDF, fileName: "申请表.pdf", documentCode: "APPLICATION_FORM" });
    for (const reader of [director, supervisor, county, county]) {
      const file = await readDocument(reader, { entitlementId, documentId });
      expect(file).toEqual({ bytes: expect.anything(), contentType: "application/pdf", fileName: "申请表.pdf" });
      expect(new Uint8Array(file.bytes)).toEqual(PDF);
    }
    expect(await audits({ entityId: documentId, actorId: supervisor.userId, action: "read" })).toEqual([{ entityId: documentId, areaCode: A, details: { entitlementId, documentCode: "APPLICATION_FORM" } }]);
    expect(await audits({ entityId: documentId, actorId: county.userId, action: "read" })).toHaveLength(2);
  });
});

describe("removing a document", () => {
  it("marks the row removed by the director, keeps the file, and hides it from the checklist and from reading", async () => {
    const { id: entitlementId } = await makeEntitlement(A);
    const { id: documentId } = await upload(director, entitlementId);
    await removeDocument(director, { entitlementId, documentId });
    const row = await db().entitlementDocument.findUniqueOrThrow({ where: { id: documentId } });
    expect(row.removedById).toBe(director.userId);
    expect(row.removedAt).toBeInstanceOf(Date);
    expect(fs.existsSync(path.join(UPLOADS, row.storageKey.slice(0, 2), row.storageKey))).toBe(true);
    expect((await getDocumentChecklist(director, entitlementId)).find((i) => i.code === "CHILD_HUKOU")!.uploads).toEqual([]);
    await expect(readDocument(supervisor, { entitlementId, documentId })).rejects.toBeInstanceOf(NotFoundError);
    expect(await audits({ entityId: documentId, actorId: director.userId, action: "close" })).toEqual([{ entityId: documentId, areaCode: A, details: { entitlementId, documentCode: "CHILD_HUKOU" } }]);
    // A second removal finds nothing to remove.
    await expect(removeDocument(director, { entitlementId, documentId })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is allowed only to the director who uploaded the file, and is audited when refused", async () => {
    const { id: entitlementId } = await makeEntitlement(A);
    const { id: documentId } = await upload(director, entitlementId);
    await expect(removeDocument(secondDirector, { entitlementId, documentId })).rejects.toMatchObject({ messageKey: "entitlementDocument.errors.notYours" });
    await expect(removeDocument(secondDirector, { entitlementId, documentId })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeDocument(supervisor, { entitlementId, documentId })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeDocument(county, { entitlementId, documentId })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await audits({ entityId: documentId, actorId: secondDirector.userId, action: "close", outcome: "DENIED" })).toHaveLength(2);
    expect((await db().entitlementDocument.findUniqueOrThrow({ where: { id: documentId } })).removedAt).toBeNull();
  });

  it("is refused once the township has checked the application", async () => {
    const { id: entitlementId } = await makeEntitlement(A);
    const { id: documentId } = await upload(director, entitlementId);
    await db().entitlement.update({ where: { id: entitlementId }, data: { status: "CHECKED" } });
    await expect(removeDocument(director, { entitlementId, documentId })).rejects.toMatchObject({ messageKey: "entitlementDocument.errors.closed" });
    expect((await db().entitlementDocument.findUniqueOrThrow({ where: { id: documentId } })).removedAt).toBeNull();
  });
});
