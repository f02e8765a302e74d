import "server-only";
import { createHash } from "node:crypto";
import type { EntitlementStatusName } from "@/lib/domain/enums";
import { isUuid } from "@/lib/domain/ids";
import { MAX_DOCUMENT_BYTES, MAX_FILES_PER_DOCUMENT } from "@/lib/schemas/entitlement-document";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit, type AuditInput } from "../audit";
import { getBenefit } from "../benefits/catalogue";
import { db, type Tx } from "../db";
import { ConflictError, type DomainError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import type { Actor } from "../session";
import { sanitizeFileName } from "../uploads/file-name";
import { checkUpload } from "../uploads/sniff";
import { discardUpload, saveUpload } from "../uploads/storage";

/** Documents change only while the application waits for the township's check, or came back for more. */
const OPEN_STATUSES: readonly EntitlementStatusName[] = ["APPLIED", "RETURNED"];

export type AddDocumentInput = { entitlementId: string; documentCode: string; fileName: string; bytes: Uint8Array };

type Refused = { refused: DomainError };

async function refuse(tx: Tx, actor: Actor, error: DomainError, audit: Pick<AuditInput, "action" | "entityId" | "areaCode" | "details">): Promise<Refused> {
  await writeAudit(tx, actor, { ...audit, entity: "entitlementDocument", outcome: "DENIED" });
  return { refused: error };
}

/**
 * Serialises document changes with each other and with the application's transitions (which update this
 * row), so a file is never added after the supervisor's check has begun, nor a sixth one beside five.
 */
async function lockEntitlement(tx: Tx, actor: Actor, entitlementId: string) {
  await tx.$queryRaw`SELECT id FROM entitlements WHERE id = ${entitlementId}::uuid FOR UPDATE`;
  return tx.entitlement.findFirst({ where: { id: entitlementId, ...scopeWhere(actor) }, select: { id: true, type: true, status: true, areaCode: true } });
}

type LockedEntitlement = NonNullable<Awaited<ReturnType<typeof lockEntitlement>>>;

async function uploadRefusal(tx: Tx, entitlement: LockedEntitlement, documentCode: string): Promise<DomainError | null> {
  if (!OPEN_STATUSES.includes(entitlement.status)) return new ConflictError("entitlementDocument.errors.closed");
  const benefit = await getBenefit(tx, entitlement.type);
  if (!benefit.documents.some((d) => d.code === documentCode)) {
    return new ValidationError({ documentCode: ["entitlementDocument.errors.documentCode"] }, "entitlementDocument.errors.documentCode");
  }
  const live = await tx.entitlementDocument.count({ where: { entitlementId: entitlement.id, documentCode, removedAt: null } });
  return live >= MAX_FILES_PER_DOCUMENT ? new ConflictError("entitlementDocument.errors.tooMany") : null;
}

/**
 * The director adds a photo or scan of one of the benefit's required documents. The type comes from the
 * bytes and the name is cleaned before anything is stored. The file is written once the application is
 * locked and the upload allowed (a refused request never touches the disk), before its row, and removed
 * again if the transaction does not commit, so no row ever points at a missing file.
 */
export async function addDocument(actor: Actor, input: AddDocumentInput): Promise<{ id: string }> {
  await assertCan(actor, "create", "entitlementDocument");
  if (!isUuid(input.entitlementId)) throw new NotFoundError();
  const contentType = checkUpload(input.bytes, MAX_DOCUMENT_BYTES);
  const fileName = sanitizeFileName(input.fileName, contentType);
  let writtenKey = null as string | null;
  try {
    const outcome = await db().$transaction(async (tx): Promise<Refused | { id: string }> => {
      const entitlement = await lockEntitlement(tx, actor, input.entitlementId);
      const details = { entitlementId: input.entitlementId, documentCode: input.documentCode };
      if (!entitlement) return refuse(tx, actor, new NotFoundError(), { action: "create", details });
      // A retry after a lost response on a weak connection sends the same bytes again: one file, not two.
      const sha256 = createHash("sha256").update(input.bytes).digest("hex");
      const same = await tx.entitlementDocument.findFirst({ where: { entitlementId: entitlement.id, documentCode: input.documentCode, sha256, removedAt: null }, select: { id: true } });
      if (same) return same;
      const refusal = await uploadRefusal(tx, entitlement, input.documentCode);
      if (refusal) return refuse(tx, actor, refusal, { action: "create", areaCode: entitlement.areaCode, details: { ...details, reason: refusal.messageKey } });
      const stored = await saveUpload(input.bytes);
      writtenKey = stored.key;
      const document = await tx.entitlementDocument.create({
        data: {
          entitlementId: entitlement.id,
          areaCode: entitlement.areaCode,
          documentCode: input.documentCode,
          fileName,
          contentType,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          storageKey: stored.key,
          uploadedById: actor.userId,
        },
        select: { id: true },
      });
      // No file name in the audit trail: names often carry the child's or a parent's name.
      await writeAudit(tx, actor, {
        action: "create",
        entity: "entitlementDocument",
        entityId: document.id,
        areaCode: entitlement.areaCode,
        details: { ...details, contentType, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
      });
      return document;
    });
    if ("refused" in outcome) throw outcome.refused;
    return { id: outcome.id };
  } catch (error) {
    // A file without a row is unreachable; failing to delete it must not hide the error that got us here.
    if (writtenKey) await discardUpload(writtenKey).catch(() => undefined);
    throw error;
  }
}

/**
 * The director who uploaded a file takes it off the application while it is still open. The row is
 * marked removed and the file kept, so what the township saw stays on record; the checklist hides it.
 */
export async function removeDocument(actor: Actor, ids: { entitlementId: string; documentId: string }): Promise<void> {
  await assertCan(actor, "close", "entitlementDocument");
  if (!isUuid(ids.entitlementId) || !isUuid(ids.documentId)) throw new NotFoundError();
  const outcome = await db().$transaction(async (tx): Promise<Refused | null> => {
    const audit = { action: "close" as const, entityId: ids.documentId, details: { entitlementId: ids.entitlementId } };
    const entitlement = await lockEntitlement(tx, actor, ids.entitlementId);
    const document =
      entitlement &&
      (await tx.entitlementDocument.findFirst({
        where: { id: ids.documentId, entitlementId: entitlement.id, removedAt: null, ...scopeWhere(actor) },
        select: { id: true, areaCode: true, documentCode: true, uploadedById: true },
      }));
    if (!entitlement || !document) return refuse(tx, actor, new NotFoundError(), audit);
    const refusal =
      document.uploadedById !== actor.userId
        ? new ForbiddenError("entitlementDocument.errors.notYours")
        : !OPEN_STATUSES.includes(entitlement.status)
          ? new ConflictError("entitlementDocument.errors.closed")
          : null;
    if (refusal) return refuse(tx, actor, refusal, { ...audit, areaCode: document.areaCode, details: { ...audit.details, reason: refusal.messageKey } });
    const updated = await tx.entitlementDocument.updateMany({
      where: { id: document.id, removedAt: null, ...scopeWhere(actor) },
      data: { removedAt: new Date(), removedById: actor.userId },
    });
    if (updated.count === 0) throw new ConflictError();
    await writeAudit(tx, actor, {
      action: "close",
      entity: "entitlementDocument",
      entityId: document.id,
      areaCode: document.areaCode,
      details: { entitlementId: entitlement.id, documentCode: document.documentCode },
    });
    return null;
  });
  if (outcome) throw outcome.refused;
}
