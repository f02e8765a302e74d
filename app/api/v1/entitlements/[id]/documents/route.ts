import { getActor } from "@/lib/auth/get-actor";
import { entitlementDocumentsParamsSchema, MAX_DOCUMENT_BYTES, uploadDocumentSchema } from "@/lib/schemas/entitlement-document";
import { can } from "@/lib/server/access/policy";
import { addDocument } from "@/lib/server/entitlement-documents/mutations";
import { readMultipartForm } from "@/lib/server/uploads/multipart";
import { isForeignOrigin } from "@/lib/http/origin";
import { errorJson, errorResponse, invalidInput, NO_STORE } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** One photo or scan of a required document: multipart "documentCode" + "file" → 201 { id }. */
export async function POST(request: Request, context: Context) {
  if (isForeignOrigin(request)) return errorJson(403, "errors.forbidden");
  const actor = await getActor();
  if (!actor) return errorJson(401, "errors.unauthenticated");
  // Turned away before the upload is read; the data layer checks the policy again.
  if (!can(actor.role, "create", "entitlementDocument")) return errorJson(403, "errors.forbidden");
  const params = entitlementDocumentsParamsSchema.safeParse(await context.params);
  if (!params.success) return errorJson(404, "errors.notFound");
  try {
    const form = await readMultipartForm(request, MAX_DOCUMENT_BYTES);
    const parsed = uploadDocumentSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return invalidInput(parsed.error);
    const { file, documentCode } = parsed.data;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { id } = await addDocument(actor, { entitlementId: params.data.id, documentCode, fileName: file.name, bytes });
    return Response.json({ id }, { status: 201, headers: NO_STORE });
  } catch (error) {
    return errorResponse(error, actor);
  }
}
