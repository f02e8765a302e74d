import crypto from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_COUNTY, DEMO_VILLAGE } from "@/prisma/seed/demo-accounts";
import { loginAs } from "./support/login";

/** Fills the new-account form and returns the temporary password shown once. */
async function createAccount(page: Page, account: { loginName: string; displayName: string; role: string; areaCode: string }) {
  await page.getByRole("link", { name: "新建账号" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/new$/);
  const form = page.getByTestId("create-user-form");
  await form.getByLabel("登录名").fill(account.loginName);
  await form.getByLabel("姓名").fill(account.displayName);
  await form.getByLabel("角色").selectOption(account.role);
  await form.getByLabel("辖区代码").fill(account.areaCode);
  await form.getByRole("button", { name: "创建账号" }).click();
  const notice = page.getByTestId("temporary-password");
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(account.loginName);
  return notice;
}

test("the administrator creates a county officer and sees the temporary password once", async ({ page }) => {
  await loginAs(page, "admin");
  const loginName = `e2e-county-${crypto.randomUUID().slice(0, 6)}`;
  const notice = await createAccount(page, { loginName, displayName: "周科长", role: "COUNTY_OFFICER", areaCode: `${DEMO_COUNTY}000000` });
  await expect(notice.locator(".font-mono.text-lg")).toHaveText(/^[A-Za-z0-9]{12}$/);
  await page.getByRole("link", { name: "查看账号" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(loginName);
  await expect(page.getByText("县级民政工作人员")).toBeVisible();
  await expect(page.getByText("未改初始密码")).toBeVisible();
  // The password is not on the account's page: it was shown once.
  await expect(page.getByTestId("temporary-password")).toHaveCount(0);
  await page.goto(`/admin/users?q=${loginName}`);
  await expect(page.getByTestId("user-list")).toContainText("周科长");
});

test("the administrator grants a director the HIV-status permission", async ({ page }) => {
  await loginAs(page, "admin");
  const loginName = `e2e-dir-${crypto.randomUUID().slice(0, 6)}`;
  await createAccount(page, { loginName, displayName: "吴主任", role: "VILLAGE_DIRECTOR", areaCode: DEMO_VILLAGE });
  await page.getByRole("link", { name: "查看账号" }).click();
  const card = page.getByTestId("hiv-access");
  await expect(card).toContainText("未授予");
  await card.getByRole("button", { name: "授予查看权限" }).click();
  await expect(card.getByRole("button", { name: "收回查看权限" })).toBeVisible();
  await expect(card).toContainText("已授予");
  await expect(page.getByText("可查看艾滋病相关信息")).toBeVisible();
});
