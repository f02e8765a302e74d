import { NextResponse, type NextRequest } from "next/server";
import { getActor } from "@/lib/auth/get-actor";
import { villageSearchSchema } from "@/lib/schemas/transfer";
import { searchVillages } from "@/lib/server/areas/search";
import { DomainError } from "@/lib/server/errors";

/** The village picker of the transfer form: GET ?q=<part of a name> → up to 20 villages with their path. */
export async function GET(request: NextRequest) {
  const actor = await getActor();
  if (!actor) return NextResponse.json({ error: "errors.unauthenticated" }, { status: 401 });
  const parsed = villageSearchSchema.safeParse({ q: request.nextUrl.searchParams.get("q") ?? "" });
  if (!parsed.success) return NextResponse.json({ villages: [] });
  try {
    return NextResponse.json({ villages: await searchVillages(actor, parsed.data.q) }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (error instanceof DomainError) return NextResponse.json({ error: error.messageKey }, { status: 403 });
    console.error(`[api] request ${actor.requestId} failed`, error);
    return NextResponse.json({ error: "errors.internal" }, { status: 500 });
  }
}
