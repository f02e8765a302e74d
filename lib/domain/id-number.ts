// 公民身份号码, GB 11643-1999: 6-digit address, 8-digit birth date, 3-digit sequence, check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432";

export type IdNumberProblem = "format" | "checksum" | "birthDate" | "futureBirthDate" | "birthDateMismatch" | "sexMismatch";

export type IdNumberFacts = { birthDate: string; sex: "MALE" | "FEMALE" };

export function normaliseIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

export function checkCharacter(first17: string): string {
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * (WEIGHTS[i] ?? 0), 0);
  return CHECK_CHARS[sum % 11] ?? "";
}

function isRealDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1900;
}

/**
 * Validates an ID number and, when given, its agreement with the child's date of birth and sex.
 * The address code is never checked: it may no longer exist after re-coding.
 */
export function validateIdNumber(
  raw: string,
  options: { today: string; dateOfBirth?: string; sex?: "MALE" | "FEMALE" },
): { ok: true; value: string; facts: IdNumberFacts } | { ok: false; problem: IdNumberProblem } {
  const value = normaliseIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: "format" };
  const digits = value.slice(6, 14);
  if (!isRealDate(digits)) return { ok: false, problem: "birthDate" };
  const birthDate = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  if (birthDate > options.today) return { ok: false, problem: "futureBirthDate" };
  if (checkCharacter(value.slice(0, 17)) !== value[17]) return { ok: false, problem: "checksum" };
  const sex = Number(value[16]) % 2 === 1 ? "MALE" : "FEMALE";
  if (options.dateOfBirth && options.dateOfBirth !== birthDate) return { ok: false, problem: "birthDateMismatch" };
  if (options.sex && options.sex !== sex) return { ok: false, problem: "sexMismatch" };
  return { ok: true, value, facts: { birthDate, sex } };
}

/** 110***********123X: the role that needs the full number gets it from the data layer, never from here. */
export function maskIdNumber(value: string): string {
  return `${value.slice(0, 3)}${"*".repeat(11)}${value.slice(-4)}`;
}


/** Builds a valid ID number (for factories and demo data). */
export function makeIdNumber(addressCode: string, birthDate: string, sequence: number, sex: "MALE" | "FEMALE"): string {
  let seq = sequence % 1000;
  if ((seq % 2 === 1) !== (sex === "MALE")) seq = (seq + 1) % 1000;
  const first17 = `${addressCode.slice(0, 6)}${birthDate.replaceAll("-", "")}${String(seq).padStart(3, "0")}`;
  return first17 + checkCharacter(first17);
}
