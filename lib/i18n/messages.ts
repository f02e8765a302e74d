import { MESSAGE_FILES } from "./catalogue";
import type { Locale } from "./config";
import type { Messages } from "./translate";

function merge(files: Record<string, Messages>): Messages {
  return Object.assign({}, ...Object.values(files)) as Messages;
}

const ALL: Record<Locale, Messages> = { "zh-CN": merge(MESSAGE_FILES["zh-CN"]), en: merge(MESSAGE_FILES.en) };

export function messagesFor(locale: Locale): Messages {
  return ALL[locale];
}
