import { expect, test } from "@playwright/test";
import { loginAs } from "./support/login";

test("a director opens a child's file and logs a visit that appears on the timeline", async ({ page }) => {
  await loginAs(page, "director");
  const list = page.getByTestId("child-list");
  await expect(list.getByRole("link").first()).toBeVisible();
  await list.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "基本信息" })).toBeVisible();

  const note = `e2e 走访 ${Date.now()}`;
  const form = page.getByTestId("visit-form");
  await form.getByLabel("风险等级").selectOption("YELLOW");
  await form.getByLabel("看到的情况").fill(note);
  await form.getByRole("button", { name: "保存走访记录" }).click();
  await expect(form.getByRole("status")).toHaveText("走访记录已保存。");
  await expect(page.getByTestId("visit-timeline")).toContainText(note);
});

test("a director cannot open another village's child: it is simply not found", async ({ page }) => {
  await loginAs(page, "director2");
  const href = await page.getByTestId("child-list").getByRole("link").first().getAttribute("href");
  await page.getByRole("button", { name: "退出登录" }).first().click();
  await expect(page).toHaveURL(/\/login/);
  await loginAs(page, "director");
  const response = await page.goto(href!);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("找不到这条记录，或您无权查看。")).toBeVisible();
});

test("a county officer's dashboard lists the county's townships", async ({ page }) => {
  await loginAs(page, "county");
  await expect(page.getByTestId("sub-areas")).toContainText("沙窝镇");
});
