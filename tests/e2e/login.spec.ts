import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/prisma/seed/demo-accounts";
import { loginAs } from "./support/login";

const HOME_HEADING: Record<string, string> = {
  "/workbench": "我的工作台",
  "/township": "乡镇工作台",
  "/dashboard": "数据看板",
  "/admin/users": "用户管理",
  "/audit": "审计日志",
};

test("the login page is in Chinese and says that access is logged", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "儿童关爱服务平台" })).toBeVisible();
  await expect(page.getByText("所有查看和操作都会被记录")).toBeVisible();
});

for (const account of DEMO_ACCOUNTS) {
  test(`${account.loginName} (${account.role}) logs in and lands on ${account.home}`, async ({ page }) => {
    await loginAs(page, account.loginName);
    await expect(page.getByRole("heading", { level: 1, name: HOME_HEADING[account.home] })).toBeVisible();
    await expect(page.getByText(account.displayName).filter({ visible: true }).first()).toBeVisible();
  });
}

async function submitLogin(page: Page, loginName: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("登录名").fill(loginName);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

test("a wrong password gets one generic message and no session", async ({ page }) => {
  await submitLogin(page, "director", "not-the-password");
  await expect(page.getByTestId("login-error")).toHaveText("登录名或密码错误，或账号暂时无法使用。");
  await page.goto("/workbench");
  await expect(page).toHaveURL(/\/login$/);
});

test("an unknown user gets exactly the same message", async ({ page }) => {
  await submitLogin(page, "nobody-here", "whatever-password");
  await expect(page.getByTestId("login-error")).toHaveText("登录名或密码错误，或账号暂时无法使用。");
});

test("logging out ends the session on the server", async ({ page, context }) => {
  await loginAs(page, "county");
  const cookies = await context.cookies();
  await page.getByRole("button", { name: "退出登录" }).first().click();
  await expect(page).toHaveURL(/\/login/);
  // Replaying the old cookie must not work: the server-side session row is revoked.
  await context.addCookies(cookies);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login$/);
});

test("English can be chosen and is remembered", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { name: "登录", exact: true })).toBeVisible();
});
