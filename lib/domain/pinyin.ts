import { pinyin } from "pinyin-pro";

// Search keys for Chinese names. Surname mode reads 单 as shan and 曾 as zeng; ü is written v (lv for 吕),
// as on a phone keyboard. Characters without a reading (the middle dot, rare CJK such as 𠮷) are dropped,
// so 阿卜杜热合曼·买买提 is found by abdrhmmmt.
export type NameKeys = { namePinyin: string; nameInitials: string };

function latin(syllables: string[]): string {
  return syllables
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ""))
    .join("");
}

export function nameKeys(name: string): NameKeys {
  const normalized = name.normalize("NFC").trim();
  const options = { toneType: "none", type: "array", surname: "head", v: true } as const;
  return {
    namePinyin: latin(pinyin(normalized, options)),
    nameInitials: latin(pinyin(normalized, { ...options, pattern: "first" })),
  };
}

/** A search box's text as a pinyin key: "Zhang San" / "zhang san" → "zhangsan"; null when it is not latin. */
export function pinyinQuery(text: string): string | null {
  const key = text.toLowerCase().replace(/[\s'·]/g, "").replace(/ü/g, "v");
  return /^[a-z]{1,60}$/.test(key) ? key : null;
}
