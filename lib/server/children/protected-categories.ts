import "server-only";
import { SPECIALLY_PROTECTED, type ChildCategoryName } from "@/lib/domain/categories";
import { writeAudit } from "../audit";
import { db } from "../db";
import { ValidationError } from "../errors";
import type { Actor } from "../session";

export function isProtected(category: ChildCategoryName): boolean {
  return SPECIALLY_PROTECTED.includes(category);
}

/**
 * Recording HIV status (受艾滋病影响) needs the dedicated permission on top of scope. Without it the
 * attempt is refused with a field error and audited DENIED in its own committed transaction.
 */
export async function assertMayRecord(actor: Actor, categories: { category: ChildCategoryName }[], attempt: { action: "create" | "update"; childId?: string }) {
  if (actor.hivAccess || !categories.some((c) => isProtected(c.category))) return;
  await db().$transaction((tx) =>
    writeAudit(tx, actor, { action: attempt.action, entity: "child", entityId: attempt.childId ?? null, outcome: "DENIED", details: { reason: "permission" } }),
  );
  throw new ValidationError({ categories: ["registration.errors.categoryProtected"] });
}
