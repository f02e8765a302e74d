// Money is integer fen (分) everywhere: amounts are never floats, so sums and displays cannot drift.

/** The largest amount a form accepts: 1,000,000 yuan, far above any monthly benefit (a typing slip otherwise). */
export const MAX_YUAN = 1_000_000;
export const MAX_FEN = MAX_YUAN * 100;

/** "1,439.90" for 143990 fen; negative amounts keep their sign. Integer arithmetic only (bigint for batch totals). */
export function formatFen(fen: number | bigint): string {
  if (typeof fen === "number" && !Number.isSafeInteger(fen)) throw new RangeError(`fen must be an integer: ${fen}`);
  const value = BigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const cents = (abs % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${yuan}.${cents}`;
}

/** "1439.90" for 143990 fen: no thousands separator, for files that spreadsheets read back as numbers. */
export function plainYuan(fen: number | bigint): string {
  return formatFen(fen).replaceAll(",", "");
}

/**
 * What an officer types as an amount in yuan ("1439.9", "1439.90", "1439") → fen, or null. Strict: digits,
 * optionally a point and one or two decimals; no sign, exponent, separators or spaces inside; at most MAX_YUAN.
 */
export function parseYuan(text: string): number | null {
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return fen <= MAX_FEN ? fen : null;
}
