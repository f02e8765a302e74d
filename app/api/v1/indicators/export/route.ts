import type { NextRequest } from "next/server";
import { getActor } from "@/lib/auth/get-actor";
import { errorJson, errorResponse, NO_STORE } from "@/lib/http/responses";
import { getLocale } from "@/lib/i18n/server";
import { indicatorExportSchema } from "@/lib/schemas/indicators";
import { exportIndicatorTable } from "@/lib/server/indicators/export";
import { contentDisposition } from "@/lib/server/uploads/file-name";

export const dynamic = "force-dynamic";

/** GET ?area=…&month=…&format=csv|xlsx → the dashboard's sub-area table as a download (audited as a print). */
export async function GET(request: NextRequest) {
  const actor = await getActor();
  if (!actor) return errorJson(401, "errors.unauthenticated");
  const query = indicatorExportSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return errorJson(422, "errors.validation");
  try {
    const file = await exportIndicatorTable(actor, { ...query.data, locale: await getLocale() });
    return new Response(new Uint8Array(file.body), {
      headers: { ...NO_STORE, "Content-Type": file.contentType, "Content-Disposition": contentDisposition(file.fileName, "attachment"), "X-Content-Type-Options": "nosniff" },
    });
  } catch (error) {
    return errorResponse(error, actor);
  }
}
