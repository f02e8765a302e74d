import { describe, expect, it } from "vitest";
import { CHINESE_COMMON_PASSWORDS, isCommonPassword, passwordProblems, type PasswordContext } from "@/lib/domain/password-rules";
import { changePasswordSchema } from "@/lib/schemas/auth";
import { commonPasswords } from "@/lib/server/auth/common-passwords";

const context: PasswordContext = { loginName: "wangxiuying", phone: "138 0013 8000" };
const problems = (password: string, ctx: PasswordContext = context) => passwordProblems(password, ctx, commonPasswords());

describe("password rules", () => {
  it("accepts a long, uncommon password unrelated to the user", () => {
    expect(problems("山里的桃花开了-2026")).toEqual([]);
    expect(problems("correct horse battery")).toEqual([]);
  });

  it("refuses fewer than 10 characters and more than 128", () => {
    expect(problems("Short-9ch")).toContain("account.passwordRules.tooShort");
    expect(problems("abcdefghij")).not.toContain("account.passwordRules.tooShort");
    expect(problems("x".repeat(128))).not.toContain("account.passwordRules.tooLong");
    expect(problems("x".repeat(129))).toContain("account.passwordRules.tooLong");
  });

  it("refuses passwords of the zxcvbn common list, whatever their case", () => {
    expect(commonPasswords().size).toBeGreaterThan(40_000);
    expect(problems("qwertyuiop")).toContain("account.passwordRules.common");
    expect(problems("QwErTyUiOp")).toContain("account.passwordRules.common");
    expect(problems("1234567890")).toContain("account.passwordRules.common");
  });

  it("refuses the passwords common among Chinese users that the zxcvbn list lacks", () => {
    for (const password of ["woaini1314", "5201314", "qq123456", "a123456789", "1qaz2wsx", "zxcvbnm123", "147258369", "123456789a", "aa123456", "11223344"]) {
      expect(CHINESE_COMMON_PASSWORDS).toContain(password);
      expect(isCommonPassword(password.toUpperCase(), commonPasswords())).toBe(true);
    }
  });

  it("refuses a common password with digits appended, but judges all-digit passwords whole", () => {
    expect(isCommonPassword("password2024", commonPasswords())).toBe(true);
    expect(isCommonPassword("Woaini1314520", commonPasswords())).toBe(true);
    expect(isCommonPassword("7351982046", commonPasswords())).toBe(false);
  });

  it("refuses a password equal to or containing the login name, in any case", () => {
    expect(problems("WangXiuYing")).toContain("account.passwordRules.containsLoginName");
    expect(problems("my-wangxiuying-pw")).toContain("account.passwordRules.containsLoginName");
    // A two-letter login name would forbid too much by accident.
    expect(problems("zhang-is-here-2026", { loginName: "zh" })).toEqual([]);
  });

  it("refuses a password containing the phone's digits", () => {
    expect(problems("tel13800138000!")).toContain("account.passwordRules.containsPhone");
    expect(problems("tel13800138000!", { loginName: "wangxiuying" })).not.toContain("account.passwordRules.containsPhone");
  });

  it("the form's schema checks the length and the repeat, not the common list (that stays on the server)", () => {
    const parse = (newPassword: string, repeatPassword = newPassword) =>
      changePasswordSchema.safeParse({ currentPassword: "old", newPassword, repeatPassword });
    expect(parse("woaini1314").success).toBe(true);
    expect(parse("short").error?.issues[0]?.message).toBe("account.passwordRules.tooShort");
    expect(parse("long-enough-1", "long-enough-2").error?.issues[0]).toMatchObject({ path: ["repeatPassword"], message: "account.errors.mismatch" });
  });
});
