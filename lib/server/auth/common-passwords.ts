import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { CHINESE_COMMON_PASSWORDS } from "@/lib/domain/password-rules";

let common: ReadonlySet<string> | undefined;

/** zxcvbn's 49k common passwords plus our Chinese list, lower-cased; built once, and never sent to browsers. */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set([...dictionary["passwords-common"], ...CHINESE_COMMON_PASSWORDS].map((p) => String(p).toLowerCase()));
  return common;
}
