import "server-only";
import crypto from "node:crypto";
import type { Tx } from "../db";
import { blindIndex } from "../field-crypto";

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: the codes are copied by hand onto paper.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

function newCode(): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

/** Replaces the user's codes; returns the plain codes, which are shown once and stored only as keyed hashes. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: blindIndex(`recovery:${code}`) })) });
  return codes;
}

/** Uses a code once: true only for an unused code of this user (a conditional update, so two tabs cannot both win). */
export async function useRecoveryCode(tx: Tx, userId: string, normalizedCode: string): Promise<boolean> {
  const used = await tx.recoveryCode.updateMany({
    where: { userId, codeHash: blindIndex(`recovery:${normalizedCode}`), usedAt: null },
    data: { usedAt: new Date() },
  });
  return used.count === 1;
}
