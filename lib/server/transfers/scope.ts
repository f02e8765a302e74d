import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { scopeWhere } from "../access/scope";
import type { Actor } from "../session";

/**
 * A transfer belongs to both sides: actors whose jurisdiction covers where the child comes from OR
 * where she goes. Built on scopeWhere, so an actor without a valid prefix throws (fails closed).
 */
export function transferScopeWhere(actor: Actor): Prisma.ChildTransferWhereInput {
  const prefix = scopeWhere(actor).areaCode.startsWith;
  return { OR: [{ fromAreaCode: { startsWith: prefix } }, { toAreaCode: { startsWith: prefix } }] };
}

/** Only the receiving side decides: the supervisor whose township covers the destination. */
export function receivingScopeWhere(actor: Actor): Prisma.ChildTransferWhereInput {
  return { toAreaCode: { startsWith: scopeWhere(actor).areaCode.startsWith } };
}

/** Only the sending side withdraws: the director of the village the child leaves. */
export function sendingScopeWhere(actor: Actor): Prisma.ChildTransferWhereInput {
  return { fromAreaCode: { startsWith: scopeWhere(actor).areaCode.startsWith } };
}
