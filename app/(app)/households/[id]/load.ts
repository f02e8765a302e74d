import "server-only";
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/server/session";
import { NotFoundError } from "@/lib/server/errors";
import { getHousehold } from "@/lib/server/households/queries";

/** The household for a page, or the 404 page when it is missing or outside the actor's area. */
export async function loadHousehold(actor: Actor, id: string) {
  try {
    return await getHousehold(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
