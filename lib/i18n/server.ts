import "server-only";
import { cookies, headers } from "next/headers";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "./config";
import { messagesFor } from "./messages";
import { createTranslator, type Translate } from "./translate";

/** The user's choice (cookie) wins; otherwise Chinese, whatever the browser says, unless it asks for English only. */
export async function getLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  const accept = (await headers()).get("accept-language") ?? "";
  return /^en\b/i.test(accept) && !/zh/i.test(accept) ? "en" : DEFAULT_LOCALE;
}

export async function getTranslator(): Promise<{ locale: Locale; t: Translate }> {
  const locale = await getLocale();
  return { locale, t: createTranslator(messagesFor(locale), messagesFor(DEFAULT_LOCALE)) };
}
