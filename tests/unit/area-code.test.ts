import { describe, expect, it } from "vitest";
import {
  AREA_CODE_PATTERN,
  childLevel,
  codeOfPrefix,
  isWithin,
  levelLength,
  levelOfPrefixLength,
  prefixOf,
  shortAreaName,
} from "@/lib/domain/area-code";

const VILLAGE = "411523101201";

describe("area codes", () => {
  it("gives each level the length of its significant prefix", () => {
    expect([levelLength("PROVINCE"), levelLength("PREFECTURE"), levelLength("COUNTY"), levelLength("TOWNSHIP"), levelLength("VILLAGE")]).toEqual([
      2, 4, 6, 9, 12,
    ]);
  });

  it("cuts a code down to the prefix of each of its ancestors", () => {
    expect(prefixOf(VILLAGE, "PROVINCE")).toBe("41");
    expect(prefixOf(VILLAGE, "PREFECTURE")).toBe("4115");
    expect(prefixOf(VILLAGE, "COUNTY")).toBe("411523");
    expect(prefixOf(VILLAGE, "TOWNSHIP")).toBe("411523101");
    expect(prefixOf(VILLAGE, "VILLAGE")).toBe(VILLAGE);
  });

  it("pads a prefix back to a full 12-digit code, and keeps the nation as the empty string", () => {
    expect(codeOfPrefix("41")).toBe("410000000000");
    expect(codeOfPrefix("411523101")).toBe("411523101000");
    expect(codeOfPrefix(VILLAGE)).toBe(VILLAGE);
    expect(codeOfPrefix("")).toBe("");
  });

  it("names the next level down, from the nation to the village and no further", () => {
    expect(childLevel("NATION")).toBe("PROVINCE");
    expect(childLevel("PROVINCE")).toBe("PREFECTURE");
    expect(childLevel("PREFECTURE")).toBe("COUNTY");
    expect(childLevel("COUNTY")).toBe("TOWNSHIP");
    expect(childLevel("TOWNSHIP")).toBe("VILLAGE");
    expect(childLevel("VILLAGE")).toBeNull();
  });

  it("knows the level of a prefix by its length and refuses lengths that are no level", () => {
    expect([0, 2, 4, 6, 9, 12].map(levelOfPrefixLength)).toEqual(["NATION", "PROVINCE", "PREFECTURE", "COUNTY", "TOWNSHIP", "VILLAGE"]);
    for (const length of [1, 3, 5, 7, 8, 10, 11, 13]) expect(levelOfPrefixLength(length)).toBeNull();
  });

  it("puts a village inside its own ancestors only, and everything inside the nation", () => {
    expect(isWithin(VILLAGE, "411523101")).toBe(true);
    expect(isWithin(VILLAGE, "411523")).toBe(true);
    expect(isWithin(VILLAGE, "")).toBe(true);
    expect(isWithin(VILLAGE, "411523102")).toBe(false);
    expect(isWithin("411522100201", "411523")).toBe(false);
  });

  it("accepts exactly twelve digits as a code", () => {
    expect(AREA_CODE_PATTERN.test(VILLAGE)).toBe(true);
    for (const bad of ["", "41152310120", "4115231012010", "41152310120a", " 411523101201"]) expect(AREA_CODE_PATTERN.test(bad)).toBe(false);
  });

  it("shortens committee names to what people say, and leaves other names alone", () => {
    expect(shortAreaName("王山村民委员会")).toBe("王山村");
    expect(shortAreaName("王山村委会")).toBe("王山村");
    expect(shortAreaName("东华社区居民委员会")).toBe("东华社区");
    expect(shortAreaName("东华社区居委会")).toBe("东华社区");
    expect(shortAreaName("东华居民委员会")).toBe("东华社区");
    expect(shortAreaName("西湖区")).toBe("西湖区");
    expect(shortAreaName("光山县")).toBe("光山县");
    // A name that is only the suffix is kept whole rather than shortened to nothing.
    expect(shortAreaName("村民委员会")).toBe("村民委员会");
  });
});
