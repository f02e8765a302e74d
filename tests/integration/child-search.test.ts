import { beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "@/lib/domain/dates";
import { addDays } from "@/lib/domain/work-lists";
import { DEFAULT_CHILD_SEARCH, parseChildSearch } from "@/lib/schemas/child-search";
import { searchChildren } from "@/lib/server/children/search";
import { db, disconnectDb } from "@/lib/server/db";
import { ForbiddenError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/session";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

const today = todayInChina();
// Village S is searched; N is its neighbour in the same township; O is in another township.
const S = "430124101001";
const N = "430124101002";
const O = "430124102001";

let director: Actor;
let supervisor: Actor;
const child: Record<string, { id: string; idNumber: string | null }> = {};

const search = (actor: Actor, params: Record<string, string | string[]>) => searchChildren(actor, parseChildSearch(params));
const names = async (actor: Actor, params: Record<string, string | string[]>) => (await search(actor, params)).items.map((c) => c.name).sort();

beforeAll(async () => {
  const [s, n, o] = [await makeVillage(S), await makeVillage(N), await makeVillage(O)];
  child.zhangSanfeng = await makeChild({ village: s, name: "张三丰", dateOfBirth: "2013-04-02", riskLevel: "RED", categories: [{ category: "LEFT_BEHIND" }, { category: "HIV_AFFECTED" }] });
  child.zhangXiaoming = await makeChild({ village: s, name: "张小明", riskLevel: "YELLOW", schoolStage: "OUT_OF_SCHOOL" });
  child.liSi = await makeChild({ village: s, name: "李四", riskLevel: null, hasIdNumber: false, dateOfBirth: "2024-03-01", schoolStage: "NOT_YET" });
  child.uyghur = await makeChild({ village: s, name: "阿卜杜热合曼·买买提", dateOfBirth: "2015-06-01", riskLevel: "GREEN", categories: [{ category: "POOR_FAMILY" }] });
  child.closed = await makeChild({ village: s, name: "张已结案" });
  await db().child.update({ where: { id: child.closed.id }, data: { status: "CLOSED", closedReason: "MOVED_AWAY", closedAt: new Date() } });
  child.neighbour = await makeChild({ village: n, name: "张邻村" });
  child.other = await makeChild({ village: o, name: "张外乡" });
  director = await actorFor("VILLAGE_DIRECTOR", S);
  supervisor = await actorFor("TOWNSHIP_SUPERVISOR", "430124101000");
});

describe("searching the children list", () => {
  it("finds a name by any part of it in characters", async () => {
    expect(await names(director, { q: "小明" })).toEqual(["张小明"]);
    expect(await names(director, { q: "买买提" })).toEqual(["阿卜杜热合曼·买买提"]);
  });

  it("finds a name by a prefix of its full pinyin or of its initials, in any case and with spaces", async () => {
    expect(await names(director, { q: "zhang" })).toEqual(["张三丰", "张小明"]);
    expect(await names(director, { q: "Zhang San" })).toEqual(["张三丰"]);
    expect(await names(director, { q: "zxm" })).toEqual(["张小明"]);
    expect(await names(director, { q: "abd" })).toEqual(["阿卜杜热合曼·买买提"]);
  });

  it("finds a child by her whole ID number, lower-case x accepted, and by its last four characters", async () => {
    const idNumber = child.zhangSanfeng!.idNumber!;
    expect(await names(director, { q: idNumber.toLowerCase() })).toEqual(["张三丰"]);
    const byLastFour = await search(director, { q: idNumber.slice(-4) });
    expect(byLastFour.items.map((c) => c.id)).toContain(child.zhangSanfeng!.id);
    expect(byLastFour.items.map((c) => c.id)).not.toContain(child.liSi!.id);
    expect(await names(director, { q: "110101200001011234" })).toEqual([]);
  });

  it("never shows a child from another village to a director, whatever she types", async () => {
    expect(await names(director, { q: "张" })).toEqual(["张三丰", "张小明"]);
    expect(await names(director, { q: child.neighbour!.idNumber! })).toEqual([]);
    expect(await names(supervisor, { q: "张" })).toEqual(["张三丰", "张小明", "张邻村"]);
  });

  it("filters by category, risk tier, school status and file status", async () => {
    expect(await names(director, { category: "LEFT_BEHIND" })).toEqual(["张三丰"]);
    expect(await names(director, { risk: "YELLOW" })).toEqual(["张小明"]);
    expect(await names(director, { risk: "NONE" })).toEqual(["李四"]);
    expect(await names(director, { school: "OUT_OF_SCHOOL" })).toEqual(["张小明"]);
    expect(await names(director, { school: "NOT_YET" })).toEqual(["李四"]);
    expect(await names(director, { status: "CLOSED" })).toEqual(["张已结案"]);
    expect(await names(director, {})).not.toContain("张已结案");
  });

  it("never shows the specially protected category in a row, nor filters by it", async () => {
    const [row] = (await search(director, { q: "张三丰" })).items;
    expect(row?.categories).toEqual(["LEFT_BEHIND"]);
    const byHiv = await search(director, { category: "HIV_AFFECTED" });
    expect(byHiv.total).toBe(4);
  });

  it("falls back to the default list for bad or unknown search parameters", async () => {
    const defaults = await names(director, {});
    expect(await names(director, { page: "-2", risk: "PURPLE", status: "DELETED", school: ["IN_SCHOOL", "NOT_YET"] })).toEqual(defaults);
    expect(await names(director, { q: "张", utm_source: "x" })).toEqual(defaults);
    expect(await names(director, { q: "张".repeat(51) })).toEqual(defaults);
  });

  it("treats a search with a NUL or other control character as the default list, in the URL and in the data layer", async () => {
    const defaults = await names(director, {});
    expect(await names(director, { q: "\u0000" })).toEqual(defaults);
    expect(await names(director, { q: "张\u0007" })).toEqual(defaults);
    const direct = await searchChildren(director, { ...DEFAULT_CHILD_SEARCH, q: "\u0000" });
    expect(direct.items.map((c) => c.name).sort()).toEqual(defaults);
  });

  it("refuses roles without case data", async () => {
    const province = await actorFor("PROVINCE_OFFICER", "430000000000");
    await expect(search(province, {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("ordering and paging the children list", () => {
  const P = "430124103001";
  let pager: Actor;

  beforeAll(async () => {
    const village = await makeVillage(P);
    // 45 children: risk tiers and due dates chosen so the order is known.
    for (let index = 0; index < 45; index++) {
      const risk = (["RED", "YELLOW", "BLUE", "GREEN", null] as const)[index % 5];
      await makeChild({ village, name: `排序${String(index).padStart(2, "0")}`, riskLevel: risk, nextVisitOn: addDays(today, (index % 3) - 20 + index) });
    }
    pager = await actorFor("VILLAGE_DIRECTOR", P);
  });

  it("puts red first and unassessed last, the most overdue visit first within a tier, then the name", async () => {
    const rows = [];
    for (let page = 1; page <= 3; page++) rows.push(...(await search(pager, { page: String(page) })).items);
    expect(rows).toHaveLength(45);
    const tier = (level: string | null) => (level === null ? 4 : ["RED", "YELLOW", "BLUE", "GREEN"].indexOf(level));
    for (let index = 1; index < rows.length; index++) {
      const [a, b] = [rows[index - 1]!, rows[index]!];
      const ordered = tier(a.riskLevel) < tier(b.riskLevel) || (tier(a.riskLevel) === tier(b.riskLevel) && a.nextVisitOn! <= b.nextVisitOn!);
      expect(ordered, `${a.name} before ${b.name}`).toBe(true);
    }
    expect(rows[0]?.overdueDays).toBe(20);
  });

  it("pages 20 at a time with the total, and shows the last page for a page past the end", async () => {
    const first = await search(pager, {});
    expect([first.items.length, first.total, first.page, first.pageCount]).toEqual([20, 45, 1, 3]);
    const last = await search(pager, { page: "3" });
    expect([last.items.length, last.page]).toEqual([5, 3]);
    const beyond = await search(pager, { page: "9" });
    expect(beyond.page).toBe(3);
    expect(beyond.items.map((c) => c.id)).toEqual(last.items.map((c) => c.id));
    const pages = [first, await search(pager, { page: "2" }), last].flatMap((p) => p.items.map((c) => c.id));
    expect(new Set(pages).size).toBe(45);
  });
});
