import "server-only";
import { isUuid } from "@/lib/domain/ids";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { Actor } from "../session";
import { readUpload } from "../uploads/storage";

export type DocumentFile = { bytes: Uint8Array; contentType: string; fileName: string };

/**
 * One file of an application, for the download route. Every access is audited as a read of the document
 * (PIPL: a child's records are read only with a trace); removed files and files outside the actor's
 * jurisdiction are not found (the latter audited as DENIED).
 */
export async function readDocument(actor: Actor, ids: { entitlementId: string; documentId: string }): Promise<DocumentFile> {
  await assertCan(actor, "read", "entitlementDocument");
  if (!isUuid(ids.entitlementId) || !isUuid(ids.documentId)) throw new NotFoundError();
  const found = await db().$transaction(async (tx) => {
    const row = await tx.entitlementDocument.findFirst({
      where: { id: ids.documentId, entitlementId: ids.entitlementId, removedAt: null, ...scopeWhere(actor) },
      select: { id: true, areaCode: true, documentCode: true, fileName: true, contentType: true, storageKey: true },
    });
    if (!row) {
      await writeAudit(tx, actor, { action: "read", entity: "entitlementDocument", entityId: ids.documentId, outcome: "DENIED", details: { entitlementId: ids.entitlementId } });
      return null;
    }
    await writeAudit(tx, actor, {
      action: "read",
      entity: "entitlementDocument",
      entityId: row.id,
      areaCode: row.areaCode,
      details: { entitlementId: ids.entitlementId, documentCode: row.documentCode },
    });
    return row;
  });
  if (!found) throw new NotFoundError();
  return { bytes: await readUpload(found.storageKey), contentType: found.contentType, fileName: found.fileName };
}
