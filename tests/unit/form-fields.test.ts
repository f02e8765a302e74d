import { describe, expect, it } from "vitest";
import { optionalText, pastDate, version } from "@/lib/schemas/fields";

describe("shared form fields", () => {
  const notes = optionalText(200, "x.invalid");

  it("keep a textarea's line breaks as browsers send them (\\r\\n) but refuse NUL and other control characters", () => {
    expect(notes.safeParse("第一行\r\n第二行").success).toBe(true);
    expect(notes.safeParse("a\u0000b").success).toBe(false);
    expect(notes.safeParse("a\u001bb").success).toBe(false);
  });

  it("refuse dates before 1900 and versions beyond the database column", () => {
    const date = pastDate("x.date", "x.future");
    expect(date.safeParse("0000-01-01").success).toBe(false);
    expect(date.safeParse("1899-12-31").success).toBe(false);
    expect(date.safeParse("1900-01-01").success).toBe(true);
    expect(version.safeParse("2147483648").success).toBe(false);
    expect(version.safeParse("7").data).toBe(7);
  });
});
