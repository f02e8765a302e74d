import type { NextRequest } from "next/server";
import { getActor } from "@/lib/auth/get-actor";
import { getLocale } from "@/lib/i18n/server";
import { exportFormatSchema } from "@/lib/schemas/payment";
import { errorJson, errorResponse, NO_STORE } from "@/lib/http/responses";
import { exportPaymentBatch } from "@/lib/server/payments/export";
import { contentDisposition } from "@/lib/server/uploads/file-name";

export const dynamic = "force-dynamic";

/** GET ?format=csv|xlsx → the batch's roster as a download (county officers; audited as a print). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ batchId: string }> }) {
  const actor = await getActor();
  if (!actor) return errorJson(401, "errors.unauthenticated");
  const format = exportFormatSchema.safeParse(request.nextUrl.searchParams.get("format") ?? "xlsx");
  if (!format.success) return errorJson(422, "errors.validation");
  const { batchId } = await params;
  try {
    const file = await exportPaymentBatch(actor, { batchId, format: format.data, locale: await getLocale() });
    return new Response(new Uint8Array(file.body), {
      headers: { ...NO_STORE, "Content-Type": file.contentType, "Content-Disposition": contentDisposition(file.fileName, "attachment"), "X-Content-Type-Options": "nosniff" },
    });
  } catch (error) {
    return errorResponse(error, actor);
  }
}
