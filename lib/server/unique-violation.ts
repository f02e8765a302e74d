import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/** A unique index refused the insert (P2002): with client request ids, the retry's twin already saved. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
