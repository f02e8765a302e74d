import { z } from "zod";

/** Photos of paper documents from a phone are 1–4 MB; a scanned PDF of a few pages fits as well. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** Files kept per required document (a booklet photographed page by page). */
export const MAX_FILES_PER_DOCUMENT = 5;

const notFound = { error: "errors.notFound" };

/** The route's own ids: a malformed one is simply not found. */
export const entitlementDocumentsParamsSchema = z.strictObject({ id: z.uuid(notFound) });
export const entitlementDocumentParamsSchema = z.strictObject({ id: z.uuid(notFound), documentId: z.uuid(notFound) });

/**
 * The upload form (multipart: "documentCode" and "file"). The browser runs it before sending, so a
 * director on a slow connection learns that a photo is too large before waiting for it to upload; the
 * file's real type is checked on the server from its bytes.
 */
export const uploadDocumentSchema = z.strictObject(
  {
    documentCode: z.string({ error: "entitlementDocument.errors.documentCode" }).regex(/^[A-Z][A-Z0-9_]{0,39}$/, { error: "entitlementDocument.errors.documentCode" }),
    file: z
      .file({ error: "entitlementDocument.errors.fileMissing" })
      .min(1, { error: "entitlementDocument.errors.empty" })
      .max(MAX_DOCUMENT_BYTES, { error: "entitlementDocument.errors.tooLarge" }),
  },
  // Unknown fields: a hand-made request, answered with the general key rather than zod's English text.
  { error: "errors.validation" },
);
export type UploadDocumentInput = z.infer<typeof uploadDocumentSchema>;
