import { describe, expect, it } from "vitest";
import { nameKeys, pinyinQuery } from "@/lib/domain/pinyin";

describe("name search keys", () => {
  it("reads surnames in surname mode and writes ü as v", () => {
    expect(nameKeys("单雪")).toEqual({ namePinyin: "shanxue", nameInitials: "sx" });
    expect(nameKeys("曾国藩").namePinyin).toBe("zengguofan");
    expect(nameKeys("吕小红")).toEqual({ namePinyin: "lvxiaohong", nameInitials: "lxh" });
  });

  it("drops the middle dot and characters without a reading", () => {
    expect(nameKeys("阿卜杜热合曼·买买提").nameInitials).toBe("abdrhmmmt");
    expect(nameKeys("𠮷田")).toEqual({ namePinyin: "tian", nameInitials: "t" });
  });

  it("turns typed pinyin into a key and refuses anything else", () => {
    expect(pinyinQuery("Zhang San")).toBe("zhangsan");
    expect(pinyinQuery("lü")).toBe("lv");
    expect(pinyinQuery("张三")).toBeNull();
    expect(pinyinQuery("4115")).toBeNull();
  });
});
