import { expect, test, type Page } from "@playwright/test";
import { enterDemoCode, loginAs } from "./support/login";

async function submitLogin(page: Page, loginName: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("登录名").fill(loginName);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** A township supervisor creates a director account; returns its login name and temporary password. */
async function createDirector(page: Page): Promise<{ loginName: string; temporary: string }> {
  await loginAs(page, "supervisor");
  await page.goto("/township/directors");
  const loginName = `e2e${Date.now().toString(36)}`;
  const add = page.locator("details").first();
  await add.locator("summary").click();
  await add.locator('input[id$="-loginName"]').fill(loginName);
  await add.locator('input[id$="-displayName"]').fill("新主任");
  await add.getByRole("button", { name: "创建账号" }).click();
  const notice = page.getByTestId("temporary-password");
  await expect(notice).toBeVisible();
  const temporary = (await notice.locator("p.select-all").innerText()).trim();
  await page.getByRole("button", { name: "退出登录" }).first().click();
  await expect(page).toHaveURL(/\/login/);
  return { loginName, temporary };
}

test("a new director with a temporary password must change it at first login, then lands on her workbench", async ({ page }) => {
  const { loginName, temporary } = await createDirector(page);
  await submitLogin(page, loginName, temporary);
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByText("这是您第一次登录")).toBeVisible();
  // Nothing else opens before the change.
  await page.goto("/workbench");
  await expect(page).toHaveURL(/\/account\/password$/);

  const newPassword = `山里的桃花-${Date.now()}`;
  await page.getByLabel("当前密码").fill(temporary);
  await page.getByLabel("新密码", { exact: true }).fill("woaini1314");
  await page.getByLabel("再次输入新密码").fill("woaini1314");
  await page.getByRole("button", { name: "保存新密码" }).click();
  await expect(page.getByText("这个密码太常见")).toBeVisible();

  await page.getByLabel("新密码", { exact: true }).fill(newPassword);
  await page.getByLabel("再次输入新密码").fill(newPassword);
  await page.getByRole("button", { name: "保存新密码" }).click();
  await expect(page).toHaveURL(/\/login\?notice=passwordChanged$/);
  await expect(page.getByText("密码已修改，请用新密码登录")).toBeVisible();

  await submitLogin(page, loginName, newPassword);
  await expect(page).toHaveURL(/\/workbench$/);
  await expect(page.getByRole("heading", { level: 1, name: "我的工作台" })).toBeVisible();
});

test("a county officer must enter the authenticator code before any page opens", async ({ page }) => {
  await submitLogin(page, "county", "Barefoot-demo-2026");
  await expect(page).toHaveURL(/\/login\/verify$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\/verify$/);
  await page.getByLabel("6位数字或备用码").fill("000000");
  await page.getByRole("button", { name: "验证" }).click();
  await expect(page.locator("#code-error")).toBeVisible();

  await page.goto("/login/verify");
  await enterDemoCode(page, "county");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "我的账号" })).toBeVisible();
  await expect(page.getByText("已开启")).toBeVisible();
  await expect(page.getByText("您的岗位必须使用两步验证，不能关闭。")).toBeVisible();
  await expect(page.getByRole("button", { name: "关闭两步验证" })).toHaveCount(0);
});

test("every user reaches 我的账号 from the menu, and 退出所有设备 ends the session", async ({ page, context }) => {
  await loginAs(page, "director");
  await page.goto("/menu");
  await page.getByRole("link", { name: "我的账号" }).last().click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText("王秀英").filter({ visible: true }).first()).toBeVisible();
  const cookies = await context.cookies();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "退出所有设备" }).click();
  await expect(page).toHaveURL(/\/login/);
  await context.addCookies(cookies);
  await page.goto("/workbench");
  await expect(page).toHaveURL(/\/login$/);
});
