// 12-digit NBS statistical codes (统计用区划代码): a village's code prefixes are its ancestors' codes.
export type AreaLevelName = "PROVINCE" | "PREFECTURE" | "COUNTY" | "TOWNSHIP" | "VILLAGE";

const LEVEL_LENGTH: Record<AreaLevelName, number> = {
  PROVINCE: 2,
  PREFECTURE: 4,
  COUNTY: 6,
  TOWNSHIP: 9,
  VILLAGE: 12,
};

export const AREA_CODE_PATTERN = /^\d{12}$/;

export function levelLength(level: AreaLevelName): number {
  return LEVEL_LENGTH[level];
}

/** The significant prefix of a 12-digit code: "330106001000" at TOWNSHIP level → "330106001". */
export function prefixOf(code: string, level: AreaLevelName): string {
  return code.slice(0, LEVEL_LENGTH[level]);
}

/** Pads a prefix back to a 12-digit code: "3301" → "330100000000"; "" stays "" (the nation). */
export function codeOfPrefix(prefix: string): string {
  return prefix === "" ? "" : prefix.padEnd(12, "0");
}

/** The level of the next tier down from an area level (nation → province). */
export function childLevel(level: AreaLevelName | "NATION"): AreaLevelName | null {
  const order: (AreaLevelName | "NATION")[] = ["NATION", "PROVINCE", "PREFECTURE", "COUNTY", "TOWNSHIP", "VILLAGE"];
  const next = order[order.indexOf(level) + 1];
  return next && next !== "NATION" ? next : null;
}

export function levelOfPrefixLength(length: number): AreaLevelName | "NATION" | null {
  if (length === 0) return "NATION";
  const found = (Object.entries(LEVEL_LENGTH) as [AreaLevelName, number][]).find(([, n]) => n === length);
  return found ? found[0] : null;
}

export function isWithin(code: string, prefix: string): boolean {
  return code.startsWith(prefix);
}

// NBS names carry the committee's legal name (王山村民委员会); people say 王山村 / 东华社区.
const COMMITTEE_SUFFIXES: [RegExp, string][] = [
  [/社区居民委员会$/, "社区"],
  [/社区居委会$/, "社区"],
  [/居民委员会$/, "社区"],
  [/居委会$/, "社区"],
  [/村民委员会$/, "村"],
  [/村委会$/, "村"],
];

export function shortAreaName(name: string): string {
  for (const [suffix, replacement] of COMMITTEE_SUFFIXES) {
    if (suffix.test(name)) {
      const short = name.replace(suffix, replacement);
      return short === replacement ? name : short;
    }
  }
  return name;
}
