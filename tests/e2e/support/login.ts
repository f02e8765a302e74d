import { expect, type Page } from "@playwright/test";
import { SECOND_FACTOR_ROLES } from "@/lib/domain/roles";
import { TOTP_PERIOD_SECONDS, totpCodeAt, totpStepAt } from "@/lib/domain/totp";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "@/prisma/seed/demo-accounts";
import { DEMO_TOTP_SECRET } from "@/scripts/lib/accounts";

export function demoAccount(loginName: string): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.loginName === loginName);
  if (!account) throw new Error(`No demo account ${loginName}`);
  return account;
}

/** Logs in through the real form, as a person would (with the authenticator code where the role needs one), and waits for the role's home page. */
export async function loginAs(page: Page, loginName: string, password = DEMO_PASSWORD) {
  const account = demoAccount(loginName);
  await page.goto("/login");
  await page.getByLabel("登录名").fill(account.loginName);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  if (SECOND_FACTOR_ROLES.includes(account.role)) await enterDemoCode(page, account.loginName);
  await expect(page).toHaveURL(new RegExp(`${account.home}$`));
  return account;
}

// The server accepts each time step once per user (replay protection) and the steps either side of now;
// remembering the last step used lets several logins in one 30 s period go through without waiting.
const lastStep = new Map<string, number>();
const PERIOD_MS = TOTP_PERIOD_SECONDS * 1000;

/** On /login/verify: types a current code of the demo secret, waiting for a fresh time step when needed. */
export async function enterDemoCode(page: Page, loginName: string) {
  await expect(page).toHaveURL(/\/login\/verify$/);
  for (let attempt = 0; attempt < 4; attempt++) {
    const now = Date.now();
    const current = totpStepAt(now);
    // The previous step only while it surely stays inside the window until the server checks it.
    const earliest = now % PERIOD_MS < PERIOD_MS - 5_000 ? current - 1 : current;
    const step = Math.max(earliest, (lastStep.get(loginName) ?? -Infinity) + 1);
    if (step > current + 1) {
      await page.waitForTimeout((step - 1) * PERIOD_MS - now + 500);
      continue;
    }
    lastStep.set(loginName, step);
    await page.getByLabel("6位数字或备用码").fill(totpCodeAt(DEMO_TOTP_SECRET, step * PERIOD_MS));
    await page.getByRole("button", { name: "验证" }).click();
    const outcome = await Promise.race([
      page.waitForURL((url) => !url.pathname.endsWith("/login/verify"), { timeout: 15_000 }).then(() => "passed", () => "timeout"),
      page.locator("#code-error").waitFor({ timeout: 15_000 }).then(() => "refused", () => "timeout"),
    ]);
    if (outcome === "passed") return;
    const message = outcome === "refused" ? await page.locator("#code-error").innerText() : "no answer";
    // Used by a login this helper did not see (an earlier run, a restarted worker): take a later step.
    if (!message.includes("已经用过")) throw new Error(`Second factor refused for ${loginName}: ${message}`);
    lastStep.set(loginName, current + 1);
    await page.goto("/login/verify");
  }
  throw new Error(`Could not pass the second factor for ${loginName}`);
}
