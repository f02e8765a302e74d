import "server-only";
import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id floor: 19 MiB, 2 iterations, 1 lane (Algorithm.Argon2id is the default).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/** Verifies against a real hash, or a dummy one for unknown users so both take the same time. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  dummyHash ??= hash("barefoot-dummy-password", OPTIONS);
  const target = stored ?? (await dummyHash);
  const ok = await verify(target, password).catch(() => false);
  return ok && stored !== null;
}
