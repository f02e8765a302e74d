import { describe, expect, it } from "vitest";
import { checkCharacter, makeIdNumber, maskIdNumber, validateIdNumber } from "@/lib/domain/id-number";

const TODAY = "2026-11-23";
// GB 11643-1999's own example: a woman born 1949-12-31, check character X.
const WOMAN_1949 = "11010519491231002X";
// A boy born 2010-01-01 (sequence 001 is odd).
const BOY_2010 = "110101201001010015";

/** A number whose check character is right, so that only the part under test is wrong. */
function withCheck(first17: string): string {
  return first17 + checkCharacter(first17);
}

describe("validateIdNumber", () => {
  it("accepts a valid number and reads the birth date and sex from it", () => {
    expect(validateIdNumber(BOY_2010, { today: TODAY })).toEqual({
      ok: true,
      value: BOY_2010,
      facts: { birthDate: "2010-01-01", sex: "MALE" },
    });
    expect(validateIdNumber(WOMAN_1949, { today: TODAY })).toEqual({
      ok: true,
      value: WOMAN_1949,
      facts: { birthDate: "1949-12-31", sex: "FEMALE" },
    });
  });

  it("accepts a lower-case x as check character and returns the number with a capital X", () => {
    const result = validateIdNumber(` ${WOMAN_1949.toLowerCase()} `, { today: TODAY });
    expect(result).toMatchObject({ ok: true, value: WOMAN_1949 });
  });

  it("refuses a number whose check character does not match", () => {
    expect(validateIdNumber("110101201001010016", { today: TODAY })).toEqual({ ok: false, problem: "checksum" });
    expect(validateIdNumber("110105194912310021", { today: TODAY })).toEqual({ ok: false, problem: "checksum" });
  });

  it("refuses an impossible birth date such as 30 February", () => {
    expect(validateIdNumber(withCheck("11010120230230002"), { today: TODAY })).toEqual({ ok: false, problem: "birthDate" });
    expect(validateIdNumber(withCheck("11010120231301002"), { today: TODAY })).toEqual({ ok: false, problem: "birthDate" });
    expect(validateIdNumber(withCheck("11010120230229002"), { today: TODAY })).toEqual({ ok: false, problem: "birthDate" });
    expect(validateIdNumber(withCheck("11010118991231002"), { today: TODAY })).toEqual({ ok: false, problem: "birthDate" });
  });

  it("accepts 29 February of a leap year", () => {
    expect(validateIdNumber(withCheck("11010120240229002"), { today: TODAY })).toMatchObject({ ok: true });
  });

  it("refuses a birth date after today, and accepts a child born today", () => {
    expect(validateIdNumber(withCheck("11010120261124002"), { today: TODAY })).toEqual({ ok: false, problem: "futureBirthDate" });
    expect(validateIdNumber(withCheck("11010120261123002"), { today: TODAY })).toMatchObject({ ok: true });
  });

  it("refuses a number whose birth date differs from the child's recorded date of birth", () => {
    expect(validateIdNumber(BOY_2010, { today: TODAY, dateOfBirth: "2010-01-02" })).toEqual({
      ok: false,
      problem: "birthDateMismatch",
    });
    expect(validateIdNumber(BOY_2010, { today: TODAY, dateOfBirth: "2010-01-01" })).toMatchObject({ ok: true });
  });

  it("refuses a number whose sex digit differs from the child's recorded sex", () => {
    expect(validateIdNumber(BOY_2010, { today: TODAY, sex: "FEMALE" })).toEqual({ ok: false, problem: "sexMismatch" });
    expect(validateIdNumber(WOMAN_1949, { today: TODAY, sex: "MALE" })).toEqual({ ok: false, problem: "sexMismatch" });
    expect(validateIdNumber(BOY_2010, { today: TODAY, sex: "MALE" })).toMatchObject({ ok: true });
  });

  it("refuses numbers of the wrong length or with characters other than digits and a final X", () => {
    for (const raw of [
      "",
      BOY_2010.slice(0, 17),
      `${BOY_2010}0`,
      "110105491231002", // first-generation 15-digit numbers: no child holds one
      "11010X201001010015",
      "11010519491231002Y",
      "110105194912310O2X",
      "１１０１０５１９４９１２３１００２Ｘ",
      "110105 19491231002X",
    ]) {
      expect(validateIdNumber(raw, { today: TODAY }), raw).toEqual({ ok: false, problem: "format" });
    }
  });
});

describe("makeIdNumber", () => {
  it("makes valid numbers for both sexes whatever the sequence", () => {
    for (const sex of ["MALE", "FEMALE"] as const) {
      for (const [birthDate, sequence] of [
        ["2010-01-01", 0],
        ["2012-02-29", 1],
        ["2020-12-31", 998],
        ["2015-07-15", 999],
        ["2019-03-08", 1234],
      ] as const) {
        const id = makeIdNumber("411523101201", birthDate, sequence, sex);
        expect(validateIdNumber(id, { today: TODAY, dateOfBirth: birthDate, sex }), id).toMatchObject({
          ok: true,
          facts: { birthDate, sex },
        });
        expect(id.slice(0, 6)).toBe("411523");
      }
    }
  });
});

describe("maskIdNumber", () => {
  it("shows the first three and last four characters and masks the eleven between", () => {
    expect(maskIdNumber(WOMAN_1949)).toBe("110***********002X");
    expect(maskIdNumber(BOY_2010)).toMatch(/^110\*{11}0015$/);
    expect(maskIdNumber(BOY_2010)).toHaveLength(18);
  });
});
