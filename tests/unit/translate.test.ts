import { describe, expect, it } from "vitest";
import { createTranslator, type Messages } from "@/lib/i18n/translate";

const zh: Messages = {
  workbench: { greeting: "{name}，您好", age: "{age}岁", title: "工作台" },
  child: { closed: "档案已关闭：{reason}" },
  only: { zh: "仅中文" },
};
const en: Messages = {
  workbench: { greeting: "Hello, {name}", age: "{age} years" },
};

describe("createTranslator", () => {
  it("looks up a nested key", () => {
    expect(createTranslator(zh)("workbench.title")).toBe("工作台");
  });

  it("fills {placeholders} with strings and numbers, every occurrence", () => {
    const t = createTranslator({ pair: "{a} and {a} and {b}" });
    expect(t("pair", { a: "x", b: 0 })).toBe("x and x and 0");
    expect(createTranslator(en)("workbench.age", { age: 7 })).toBe("7 years");
  });

  it("leaves a placeholder it has no value for as it is", () => {
    expect(createTranslator(en)("workbench.greeting", {})).toBe("Hello, {name}");
    expect(createTranslator(en)("workbench.greeting")).toBe("Hello, {name}");
  });

  it("falls back to the default locale for a key the chosen locale lacks, placeholders included", () => {
    const t = createTranslator(en, zh);
    expect(t("workbench.greeting", { name: "Li" })).toBe("Hello, Li");
    expect(t("workbench.title")).toBe("工作台");
    expect(t("child.closed", { reason: "迁出" })).toBe("档案已关闭：迁出");
  });

  it("returns the key itself when neither locale has it", () => {
    expect(createTranslator(en, zh)("workbench.missing")).toBe("workbench.missing");
    expect(createTranslator(en)("nowhere.at.all")).toBe("nowhere.at.all");
  });

  it("returns the key for a key that names a group of messages rather than one message", () => {
    expect(createTranslator(zh)("workbench")).toBe("workbench");
    expect(createTranslator(zh)("workbench.title.more")).toBe("workbench.title.more");
  });
});
