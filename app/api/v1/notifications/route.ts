import { getActor } from "@/lib/auth/get-actor";
import { errorJson, errorResponse, NO_STORE } from "@/lib/http/responses";
import { can } from "@/lib/server/access/policy";
import { announceOverdueVisits } from "@/lib/server/notifications/overdue-visits";
import { countUnread } from "@/lib/server/notifications/queries";

export const dynamic = "force-dynamic";

/** The unread count for the header bell, polled by TanStack Query. Per user: never cached. */
export async function GET() {
  const actor = await getActor();
  if (!actor) return errorJson(401, "errors.unauthenticated");
  if (!can(actor.role, "read", "notification")) return errorJson(403, "errors.forbidden");
  try {
    // No scheduler: a director's poll is when her newly overdue visits are announced.
    if (actor.role === "VILLAGE_DIRECTOR") await announceOverdueVisits(actor);
    return Response.json({ unread: await countUnread(actor) }, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error, actor);
  }
}
