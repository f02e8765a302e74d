// Password rules for chosen passwords (NIST SP 800-63B §5.1.1.2: a length floor, a block list of known
// passwords and context words; no composition rules, no forced periodic change).
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Passwords common among Chinese users that the English-centred zxcvbn list lacks (pinyin phrases,
 * 520/1314 "love you forever", QQ habits, keyboard walks). Added to that list on the server.
 */
export const CHINESE_COMMON_PASSWORDS: readonly string[] = [
  "woaini1314", "woaini520", "woaini123", "woaini521", "5201314", "52013145201314", "1314520", "1314521",
  "qq123456", "qq123456789", "a123456789", "a1234567890", "1qaz2wsx", "1qaz2wsx3edc", "zxcvbnm123",
  "147258369", "1472583690", "123456789a", "123456789q", "aa123456", "aa123456789", "11223344",
  "1122334455", "112233445566", "qwe123456", "abc123456", "abc123456789", "q1w2e3r4t5", "woaiwojia",
  "woaimama", "woaibaobao", "iloveyou1314", "wangyang", "zhangwei", "liujie", "nihao123", "aini1314",
  "5211314", "7758521", "7758258", "147852369", "159357", "159753", "asd123456", "zxc123456",
  "qazwsxedc", "88888888", "66666666", "168168168", "1234qwer", "qwer1234", "123qweasd", "a5201314",
];

export type PasswordContext = { loginName: string; phone?: string | null };

/** i18n keys of every rule the password breaks; [] when it is acceptable. */
export function passwordProblems(
  password: string,
  context: PasswordContext,
  commonPasswords: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push("account.passwordRules.tooShort");
  if (password.length > PASSWORD_MAX_LENGTH) problems.push("account.passwordRules.tooLong");
  if (isCommonPassword(password, commonPasswords)) problems.push("account.passwordRules.common");
  const lower = password.toLowerCase();
  const login = context.loginName.trim().toLowerCase();
  // Short login names (under 3 characters) would forbid too much by accident.
  if (login.length >= 3 && lower.includes(login)) problems.push("account.passwordRules.containsLoginName");
  const phoneDigits = (context.phone ?? "").replace(/\D/g, "");
  if (phoneDigits.length >= 7 && password.replace(/\D/g, "").includes(phoneDigits)) problems.push("account.passwordRules.containsPhone");
  return problems;
}

/**
 * Case-insensitive; also catches a listed password with digits appended ("password2024", "woaini1314520"),
 * the commonest way people "strengthen" one. The base must keep four characters, so digits alone are judged whole.
 */
export function isCommonPassword(password: string, commonPasswords: ReadonlySet<string>): boolean {
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return true;
  const base = lower.replace(/\d+$/, "");
  return base.length >= 4 && base !== lower && commonPasswords.has(base);
}
