import { describe, expect, it } from "vitest";
import { compareFigures, medianFromHistogram, percentOf, suppressCount, suppressedMedian } from "@/lib/server/indicators/stats";

const hist = (entries: [number, number][]) => new Map(entries);

describe("medianFromHistogram", () => {
  it("finds the bucket where half the cases are reached, whatever the order of the buckets", () => {
    expect(medianFromHistogram(hist([[30, 1], [2, 2], [9, 1], [3, 1]]))).toBe(3);
  });

  it("takes the lower middle bucket for an even number of cases", () => {
    expect(medianFromHistogram(hist([[1, 1], [4, 1], [6, 1], [8, 1]]))).toBe(4);
  });

  it("is null for an empty histogram and ignores empty buckets", () => {
    expect(medianFromHistogram(hist([]))).toBeNull();
    expect(medianFromHistogram(hist([[0, 0], [7, 3]]))).toBe(7);
  });
});

describe("suppression of small counts", () => {
  it("hides counts from 1 to 4 only when suppression is on, never 0 or 5", () => {
    expect([0, 1, 4, 5].map((n) => suppressCount(n, true))).toEqual([0, "suppressed", "suppressed", 5]);
    expect(suppressCount(3, false)).toBe(3);
  });

  it("hides a ratio computed from a suppressed count, and has no ratio without a whole", () => {
    expect(percentOf("suppressed", 40)).toBe("suppressed");
    expect(percentOf(10, "suppressed")).toBe("suppressed");
    expect(percentOf(0, 0)).toBeNull();
    expect(percentOf(18, 20)).toBe(90);
  });

  it("hides a median computed from fewer than five cases", () => {
    expect(suppressedMedian(hist([[1, 1], [5, 2]]), true)).toBe("suppressed");
    expect(suppressedMedian(hist([[1, 1], [5, 2]]), false)).toBe(5);
  });

  it("sorts suppressed and empty figures after the numbers, so no order among hidden values leaks", () => {
    const figures = [null, "suppressed", 40, 10] as const;
    expect([...figures].sort((a, b) => compareFigures(a, b, "asc"))).toEqual([10, 40, "suppressed", null]);
    expect([...figures].sort((a, b) => compareFigures(a, b, "desc"))).toEqual([40, 10, "suppressed", null]);
  });
});
