import { describe, expect, it } from "vitest";
import { formatFen, MAX_FEN, parseYuan, plainYuan } from "@/lib/domain/money";

describe("formatFen", () => {
  it.each([
    [143990, "1,439.90"],
    [0, "0.00"],
    [5, "0.05"],
    [100, "1.00"],
    [188540, "1,885.40"],
    [100_000_000, "1,000,000.00"],
    [-143990, "-1,439.90"],
  ])("shows %i fen as %s yuan", (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it("formats a batch total beyond 2^53 fen exactly, as a bigint", () => {
    expect(formatFen(12345678901234567890n)).toBe("123,456,789,012,345,678.90");
  });

  it("refuses a fractional fen instead of rounding it", () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
  });

  it("has a plain form without separators for spreadsheet cells", () => {
    expect(plainYuan(143990)).toBe("1439.90");
    expect(plainYuan(123456789n)).toBe("1234567.89");
  });
});

describe("parseYuan", () => {
  it.each([
    ["1439.9", 143990],
    ["1439.90", 143990],
    ["1439", 143900],
    ["0.01", 1],
    ["0", 0],
    [" 12.5 ", 1250],
    ["1000000", MAX_FEN],
    ["1000000.00", MAX_FEN],
  ])("reads %s yuan as %i fen", (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it.each(["", "abc", "-1", "+1", "1e3", "1.234", "1,439.90", "1 439", ".5", "5.", "1000000.01", "99999999", "0x10", "１２"])(
    "refuses %j",
    (text) => {
      expect(parseYuan(text)).toBeNull();
    },
  );

  it("gives integers: 0.29 yuan is 29 fen, not 28.999…", () => {
    expect(Number.isInteger(parseYuan("0.29"))).toBe(true);
    expect(parseYuan("0.29")).toBe(29);
    expect(parseYuan("1439.99")).toBe(143999);
  });
});
