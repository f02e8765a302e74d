import { expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "@/prisma/seed/demo-accounts";

export function demoAccount(loginName: string): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.loginName === loginName);
  if (!account) throw new Error(`No demo account ${loginName}`);
  return account;
}

/** Logs in through the real form, as a person would, and waits for the role's home page. */
export async function loginAs(page: Page, loginName: string, password = DEMO_PASSWORD) {
  const account = demoAccount(loginName);
  await page.goto("/login");
  await page.getByLabel("登录名").fill(account.loginName);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(new RegExp(`${account.home}$`));
  return account;
}
