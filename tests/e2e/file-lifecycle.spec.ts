import { expect, test } from "@playwright/test";
import { loginAs } from "./support/login";

test("a director closes a child's file as moved away, it stays readable, and she opens it again", async ({ page }) => {
  await loginAs(page, "director");
  await page.getByTestId("child-list").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}$/);

  const close = page.getByTestId("close-file-form");
  await close.getByLabel("关闭原因").selectOption("MOVED_AWAY");
  await close.getByRole("button", { name: "关闭档案" }).click();
  await expect(page.getByText("档案已关闭：迁出")).toBeVisible();
  await expect(page.getByRole("heading", { name: "基本信息" })).toBeVisible();

  const reopen = page.getByTestId("reopen-file-form");
  await reopen.getByLabel(/说明/).fill("随父母返乡");
  await reopen.getByRole("button", { name: "重新开启档案" }).click();
  await expect(page.getByTestId("close-file-form")).toBeVisible();
  await expect(page.getByText(/档案已关闭/)).toHaveCount(0);
});

test("a county officer saves the county's visit policy", async ({ page }) => {
  await loginAs(page, "county");
  await page.goto("/settings/visit-policy");
  const form = page.getByTestId("visit-policy-form");
  await form.getByLabel(/红色/).fill("7");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByRole("status")).toContainText("已保存");
});
