import "server-only";
import { notFound, redirect } from "next/navigation";
import { can, type Entity, type Operation } from "@/lib/server/access/policy";
import type { Actor } from "@/lib/server/session";
import { getActor, getSessionHolder } from "./get-actor";
import { STEP_PAGES } from "./step-pages";

/**
 * Page guard: signed in with no step owed, and (when asked) allowed by the policy table; a session that
 * still owes a step is sent to that step's page. The data layer re-checks.
 */
export async function requireActor(permission?: [Operation, Entity]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(await landingWithoutActor());
  if (permission && !can(actor.role, permission[0], permission[1])) notFound();
  return actor;
}

/** The step page a pending session must go to, or the login page. */
export async function landingWithoutActor(): Promise<string> {
  const holder = await getSessionHolder();
  return holder?.step ? STEP_PAGES[holder.step] : "/login";
}
