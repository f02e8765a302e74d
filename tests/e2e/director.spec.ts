import { expect, test } from "@playwright/test";
import { loginAs } from "./support/login";

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
  await expect(page.getByTestId("drill-link").filter({ hasText: "沙窝镇", visible: true })).toHaveCount(1);
});
