import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { serverEnv } from "./env";

function createClient(url: string) {
  const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // Secrets never leave the data layer by accident: omitted unless a query asks for them explicitly.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { barefootDb?: { url: string; client: Db } };

/** One client per process (and per DATABASE_URL, so that each test file can point at its own database). */
export function db(): Db {
  const url = serverEnv().DATABASE_URL;
  const current = globalForDb.barefootDb;
  if (current && current.url === url) return current.client;
  if (current) void current.client.$disconnect().catch(() => undefined);
  const client = createClient(url);
  globalForDb.barefootDb = { url, client };
  return client;
}

export async function disconnectDb() {
  const current = globalForDb.barefootDb;
  globalForDb.barefootDb = undefined;
  if (current) await current.client.$disconnect();
}
