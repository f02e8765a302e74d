import "server-only";
import type { Actor } from "../session";

/**
 * The jurisdiction filter for every case table (they all carry the child's village code). Fails
 * closed: an actor without a valid prefix throws instead of silently seeing everything.
 */
export function scopeWhere(actor: Actor): { areaCode: { startsWith: string } } {
  const prefix = actor.scopePrefix;
  if (typeof prefix !== "string" || !/^\d{0,12}$/.test(prefix)) {
    throw new Error("Actor has no jurisdiction scope");
  }
  return { areaCode: { startsWith: prefix } };
}

/** For raw SQL: the LIKE pattern of the actor's jurisdiction. */
export function scopePattern(actor: Actor): string {
  return `${scopeWhere(actor).areaCode.startsWith}%`;
}
