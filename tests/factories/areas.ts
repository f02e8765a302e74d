import type { AreaLevelName } from "@/lib/domain/area-code";
import { db } from "@/lib/server/db";

const LEVELS: [AreaLevelName, number][] = [
  ["PROVINCE", 2],
  ["PREFECTURE", 4],
  ["COUNTY", 6],
  ["TOWNSHIP", 9],
  ["VILLAGE", 12],
];

/** Makes a village and every ancestor up to its province (idempotent), named after the code. */
export async function makeVillage(code: string, name = `测试村${code.slice(-3)}`): Promise<{ code: string; name: string }> {
  if (!/^\d{12}$/.test(code)) throw new Error(`village code must have 12 digits: ${code}`);
  let parentCode: string | null = null;
  for (const [level, length] of LEVELS) {
    const areaCode = code.slice(0, length).padEnd(12, "0");
    const areaName = level === "VILLAGE" ? name : `测试${level}${code.slice(0, length)}`;
    await db().adminArea.upsert({
      where: { code: areaCode },
      create: { code: areaCode, name: areaName, level, parentCode },
      update: {},
    });
    parentCode = areaCode;
  }
  return { code, name };
}
