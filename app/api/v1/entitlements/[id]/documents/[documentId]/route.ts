import { getActor } from "@/lib/auth/get-actor";
import { entitlementDocumentParamsSchema } from "@/lib/schemas/entitlement-document";
import { readDocument } from "@/lib/server/entitlement-documents/download";
import { removeDocument } from "@/lib/server/entitlement-documents/mutations";
import { contentDisposition } from "@/lib/server/uploads/file-name";
import { isForeignOrigin } from "@/lib/http/origin";
import { errorJson, errorResponse, NO_STORE } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; documentId: string }> };

/**
 * The file, only through this route (uploads live outside public/). Served with the type we sniffed, and
 * sandboxed with nosniff: a PDF or an image can never run script in our origin. Browsers refuse to show a
 * PDF inside a sandbox, so a PDF is downloaded and opened by the phone's own viewer instead.
 */
export async function GET(_request: Request, context: Context) {
  const actor = await getActor();
  if (!actor) return errorJson(401, "errors.unauthenticated");
  const params = entitlementDocumentParamsSchema.safeParse(await context.params);
  if (!params.success) return errorJson(404, "errors.notFound");
  try {
    const file = await readDocument(actor, { entitlementId: params.data.id, documentId: params.data.documentId });
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        ...NO_STORE,
        "Content-Type": file.contentType,
        "Content-Length": String(file.bytes.byteLength),
        "Content-Disposition": contentDisposition(file.fileName, file.contentType === "application/pdf" ? "attachment" : "inline"),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox",
      },
    });
  } catch (error) {
    return errorResponse(error, actor);
  }
}

/** The uploader takes her file off an open application → 204. */
export async function DELETE(request: Request, context: Context) {
  if (isForeignOrigin(request)) return errorJson(403, "errors.forbidden");
  const actor = await getActor();
  if (!actor) return errorJson(401, "errors.unauthenticated");
  const params = entitlementDocumentParamsSchema.safeParse(await context.params);
  if (!params.success) return errorJson(404, "errors.notFound");
  try {
    await removeDocument(actor, { entitlementId: params.data.id, documentId: params.data.documentId });
    return new Response(null, { status: 204, headers: NO_STORE });
  } catch (error) {
    return errorResponse(error, actor);
  }
}
