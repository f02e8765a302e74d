import { getActor } from "@/lib/auth/get-actor";
import { can } from "@/lib/server/access/policy";
import { announceOverdueVisits } from "@/lib/server/notifications/overdue-visits";
import { countUnread } from "@/lib/server/notifications/queries";

export const dynamic = "force-dynamic";

/** The unread count for the header bell, polled by TanStack Query. Per user: never cached. */
export async function GET() {
  const actor = await getActor();
  const headers = { "cache-control": "no-store" };
  if (!actor) return Response.json({ error: "UNAUTHENTICATED" }, { status: 401, headers });
  if (!can(actor.role, "read", "notification")) return Response.json({ error: "FORBIDDEN" }, { status: 403, headers });
  // No scheduler: a director's poll is when her newly overdue visits are announced.
  if (actor.role === "VILLAGE_DIRECTOR") await announceOverdueVisits(actor);
  return Response.json({ unread: await countUnread(actor) }, { headers });
}
