export type Messages = { [key: string]: string | Messages };
export type TranslateParams = Record<string, string | number>;
export type Translate = (key: string, params?: TranslateParams) => string;

function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** `t("home.greeting", { name })` with {name} placeholders; falls back to the default locale, then the key. */
export function createTranslator(messages: Messages, fallback?: Messages): Translate {
  return (key, params) => {
    const template = lookup(messages, key) ?? (fallback ? lookup(fallback, key) : undefined) ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
