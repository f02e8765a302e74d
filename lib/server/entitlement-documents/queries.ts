import "server-only";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { ZONE } from "@/lib/domain/dates";
import { isUuid } from "@/lib/domain/ids";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { getBenefit } from "../benefits/catalogue";
import { db, type Tx } from "../db";
import { NotFoundError } from "../errors";
import type { Actor } from "../session";

export type DocumentUpload = {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** Beijing time, "yyyy-MM-dd HH:mm". */
  uploadedAt: string;
  uploadedByName: string | null;
  /** Uploaded by this actor: only the uploader may remove a file (lib/server/entitlement-documents/mutations.ts). */
  isOwn: boolean;
};
export type DocumentChecklistItem = { code: string; nameZh: string; nameEn: string; uploads: DocumentUpload[] };

const uploadSelect = {
  id: true,
  documentCode: true,
  fileName: true,
  contentType: true,
  sizeBytes: true,
  createdAt: true,
  uploadedById: true,
} satisfies Prisma.EntitlementDocumentSelect;
type UploadRow = Prisma.EntitlementDocumentGetPayload<{ select: typeof uploadSelect }>;

async function uploaderNames(tx: Tx, rows: UploadRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.uploadedById).filter((id): id is string => id !== null))];
  const users = await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

function toUpload(actor: Actor, row: UploadRow, names: Map<string, string>): DocumentUpload {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    uploadedAt: format(new TZDate(row.createdAt, ZONE), "yyyy-MM-dd HH:mm"),
    uploadedByName: row.uploadedById ? (names.get(row.uploadedById) ?? null) : null,
    isOwn: row.uploadedById === actor.userId,
  };
}

/**
 * The benefit's required documents (catalogue order), each with the files still on the application.
 * Files under a code the catalogue no longer lists come last under their code, so none is hidden.
 * An application outside the actor's jurisdiction is not found, and the attempt is audited.
 */
export async function getDocumentChecklist(actor: Actor, entitlementId: string): Promise<DocumentChecklistItem[]> {
  await assertCan(actor, "list", "entitlementDocument");
  if (!isUuid(entitlementId)) throw new NotFoundError();
  const items = await db().$transaction(async (tx) => {
    const entitlement = await tx.entitlement.findFirst({
      where: { id: entitlementId, ...scopeWhere(actor) },
      select: { type: true, documents: { where: { removedAt: null }, select: uploadSelect, orderBy: { createdAt: "asc" } } },
    });
    if (!entitlement) {
      await writeAudit(tx, actor, { action: "list", entity: "entitlementDocument", outcome: "DENIED", details: { entitlementId } });
      return null;
    }
    const benefit = await getBenefit(tx, entitlement.type);
    const names = await uploaderNames(tx, entitlement.documents);
    const uploadsOf = (code: string) => entitlement.documents.filter((d) => d.documentCode === code).map((d) => toUpload(actor, d, names));
    const known = new Set(benefit.documents.map((d) => d.code));
    const unlisted = [...new Set(entitlement.documents.map((d) => d.documentCode))].filter((code) => !known.has(code));
    return [
      ...benefit.documents.map((d) => ({ code: d.code, nameZh: d.nameZh, nameEn: d.nameEn, uploads: uploadsOf(d.code) })),
      ...unlisted.map((code) => ({ code, nameZh: code, nameEn: code, uploads: uploadsOf(code) })),
    ];
  });
  if (!items) throw new NotFoundError();
  return items;
}
