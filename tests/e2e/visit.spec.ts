import { expect, test } from "@playwright/test";
import { loginAs } from "./support/login";

test("a director logs a visit with urgent safety: the mandatory report is raised and the child turns red", async ({ page }) => {
  await loginAs(page, "director");
  const list = page.getByTestId("child-list");
  // The list puts red children first: the last child is one that is not red yet.
  const child = list.getByRole("link").last();
  const href = await child.getAttribute("href");
  await child.click();
  await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}$/);

  const toggle = page.getByTestId("visit-form-toggle");
  if (!(await toggle.evaluate((details: HTMLDetailsElement) => details.open))) await toggle.locator("summary").click();
  const form = page.getByTestId("visit-form");
  await form.getByRole("group", { name: "见到了谁（可多选）" }).getByText("儿童本人").click();
  for (const domain of ["监护照料", "健康", "教育", "情绪心理"]) {
    await form.getByRole("group", { name: domain, exact: true }).getByText("关注", { exact: true }).click();
  }
  await form.getByRole("group", { name: "安全", exact: true }).getByText("紧急", { exact: true }).click();

  const alert = page.getByTestId("urgent-report-box");
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("110");
  await alert.getByLabel("请写下您看到或听到的情况（必填）").fill(`e2e 孩子手臂有多处淤青，说是被打的 ${Date.now()}`);

  // Urgent safety selects red; the tier's meaning and the policy date are shown.
  await expect(form.getByTestId("risk-meaning")).toContainText("有紧急风险");
  await expect(form.getByLabel("下次走访日期")).not.toHaveValue("");
  await form.getByRole("button", { name: "保存走访记录" }).click();

  const status = form.getByRole("status");
  await expect(status).toContainText("强制报告已发出");
  await expect(status).toContainText("110");
  await expect(page.getByTestId("urgent-reports")).toBeVisible();
  await expect(page.getByTestId("visit-timeline")).toContainText("已发强制报告");

  await page.goto("/workbench");
  await expect(page.getByTestId("child-list").locator(`a[href="${href}"]`)).toContainText("红色");
});
