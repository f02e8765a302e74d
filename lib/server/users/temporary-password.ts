import "server-only";
import crypto from "node:crypto";

// No 0/O, 1/l/I: the supervisor reads it aloud or writes it on paper for the new director.
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A one-time password shown once; the director must change it at first login (mustChangePassword). */
export function generateTemporaryPassword(length = 12): string {
  return Array.from({ length }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join("");
}
