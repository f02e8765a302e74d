import "server-only";
import { notFound, redirect } from "next/navigation";
import { can, type Entity, type Operation } from "@/lib/server/access/policy";
import type { Actor } from "@/lib/server/session";
import { getActor } from "./get-actor";

/** Page guard: signed in, and (when asked) allowed by the policy table. The data layer re-checks. */
export async function requireActor(permission?: [Operation, Entity]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (permission && !can(actor.role, permission[0], permission[1])) notFound();
  return actor;
}
