import type { NextRequest } from "next/server";
import { getActor } from "@/lib/auth/get-actor";
import { errorJson, errorResponse, NO_STORE } from "@/lib/http/responses";
import { villageSearchSchema } from "@/lib/schemas/transfer";
import { searchVillages } from "@/lib/server/areas/search";

/** The village picker of the transfer form: GET ?q=<part of a name> → up to 20 villages with their path. */
export async function GET(request: NextRequest) {
  const actor = await getActor();
  if (!actor) return errorJson(401, "errors.unauthenticated");
  const parsed = villageSearchSchema.safeParse({ q: request.nextUrl.searchParams.get("q") ?? "" });
  if (!parsed.success) return Response.json({ villages: [] }, { headers: NO_STORE });
  try {
    return Response.json({ villages: await searchVillages(actor, parsed.data.q) }, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error, actor);
  }
}
