import type { NextRequest } from "next/server";
import { getActor } from "@/lib/auth/get-actor";
import { getLocale } from "@/lib/i18n/server";
import { exportFormatSchema } from "@/lib/schemas/payment";
import { DomainError } from "@/lib/server/errors";
import { exportPaymentBatch } from "@/lib/server/payments/export";

export const dynamic = "force-dynamic";

const STATUS: Record<string, number> = { NOT_FOUND: 404, FORBIDDEN: 403, VALIDATION: 400 };

/** RFC 6266: an ASCII fallback name, and the real (Chinese) name as filename*=UTF-8''… */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]+/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** GET ?format=csv|xlsx → the batch's roster as a download (county officers; audited as a print). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ batchId: string }> }) {
  const actor = await getActor();
  const noStore = { "Cache-Control": "private, no-store" };
  if (!actor) return Response.json({ error: "errors.unauthenticated" }, { status: 401, headers: noStore });
  const format = exportFormatSchema.safeParse(request.nextUrl.searchParams.get("format") ?? "xlsx");
  if (!format.success) return Response.json({ error: "errors.validation" }, { status: 400, headers: noStore });
  const { batchId } = await params;
  try {
    const file = await exportPaymentBatch(actor, { batchId, format: format.data, locale: await getLocale() });
    return new Response(new Uint8Array(file.body), {
      headers: { ...noStore, "Content-Type": file.contentType, "Content-Disposition": attachment(file.fileName), "X-Content-Type-Options": "nosniff" },
    });
  } catch (error) {
    if (error instanceof DomainError) return Response.json({ error: error.messageKey }, { status: STATUS[error.code] ?? 403, headers: noStore });
    console.error(`[api] request ${actor.requestId} failed`, error);
    return Response.json({ error: "errors.internal" }, { status: 500, headers: noStore });
  }
}
