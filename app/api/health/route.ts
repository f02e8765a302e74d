import { NO_STORE } from "@/lib/http/responses";
import { unsafeCheckDatabase } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await unsafeCheckDatabase();
  return Response.json(
    { status: database.ok ? "ok" : "degraded", database: database.ok ? "up" : "down", latencyMs: database.latencyMs },
    { status: database.ok ? 200 : 503, headers: NO_STORE },
  );
}
