import "server-only";

// Pure arithmetic on rollup counts, applied when reading (docs/scaling.md §4: only counts are stored).

/** Counts under 5 are hidden in aggregate views above county level (domain.md, "Indicators"). */
export const SMALL_COUNT = 5;

/** A shown figure: a number, "suppressed" (a small count, or computed from one), or null (nothing to show). */
export type Figure = number | "suppressed" | null;

export function suppressCount(value: number, active: boolean): Figure {
  return active && value > 0 && value < SMALL_COUNT ? "suppressed" : value;
}

/** part ÷ whole as a whole percent; suppressed when either side is, null when there is no whole. */
export function percentOf(part: Figure, whole: Figure): Figure {
  if (part === "suppressed" || whole === "suppressed") return "suppressed";
  if (part === null || whole === null || whole === 0) return null;
  return Math.round((part / whole) * 100);
}

/**
 * The median of a histogram of whole buckets ({ "3": 2, "12": 1 } = two cases of 3 days, one of 12): the
 * lower median, the bucket where the running count first reaches half. null when it is empty.
 */
export function medianFromHistogram(buckets: ReadonlyMap<number, number>): number | null {
  const sorted = [...buckets.entries()].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const total = sorted.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const [bucket, count] of sorted) {
    seen += count;
    if (seen * 2 >= total) return bucket;
  }
  return sorted.at(-1)![0];
}

/** A histogram's median, suppressed with its case count (a median of three cases describes those three). */
export function suppressedMedian(buckets: ReadonlyMap<number, number>, active: boolean): Figure {
  const total = [...buckets.values()].reduce((sum, count) => sum + count, 0);
  if (suppressCount(total, active) === "suppressed") return "suppressed";
  return medianFromHistogram(buckets);
}

/** Sorts figures with the real numbers first in the asked direction, then suppressed, then empty. */
export function compareFigures(a: Figure, b: Figure, dir: "asc" | "desc"): number {
  const rank = (f: Figure) => (typeof f === "number" ? 0 : f === "suppressed" ? 1 : 2);
  if (typeof a === "number" && typeof b === "number") return dir === "asc" ? a - b : b - a;
  return rank(a) - rank(b);
}
