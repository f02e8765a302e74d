import { expect, test } from "@playwright/test";
import { loginAs } from "./support/login";

// The flow the issue names: on a phone, whatever project runs it.
test.use({ viewport: { width: 360, height: 740 } });

test("a director submits a referral, the supervisor approves it on a phone, and the director sees it approved", async ({ page }) => {
  await loginAs(page, "director");
  await page.getByTestId("child-list").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}$/);
  await page.getByTestId("new-referral").click();
  await expect(page).toHaveURL(/\/referrals\/new\?child=/);

  const form = page.getByTestId("new-referral-form");
  await form.getByLabel("转介事项").selectOption("SCHOOL");
  await form.getByLabel("接收单位", { exact: true }).fill("中心学校");
  await form.getByLabel("情况说明").fill(`e2e 孩子辍学两个月，需要返校 ${Date.now()}`);
  await form.getByRole("button", { name: "保存为草稿" }).click();
  await expect(page).toHaveURL(/\/referrals\/[0-9a-f-]{36}$/);
  const referralUrl = page.url();
  await expect(page.getByTestId("referral-status")).toHaveText("草稿");

  const moves = page.getByTestId("referral-transitions");
  await moves.getByRole("button", { name: "提交审批", exact: true }).click();
  await moves.getByTestId("confirm-transition").click();
  await expect(page.getByTestId("referral-status")).toHaveText("待审批");
  await page.getByRole("button", { name: "退出登录" }).first().click();
  await expect(page).toHaveURL(/\/login/);

  await loginAs(page, "supervisor");
  await page.goto(referralUrl);
  await expect(page.getByTestId("referral-status")).toHaveText("待审批");
  await moves.getByRole("button", { name: "批准", exact: true }).click();
  await moves.getByLabel("备注（可不填）").fill("同意，请尽快联系学校");
  await moves.getByTestId("confirm-transition").click();
  await expect(page.getByTestId("referral-status")).toHaveText("已批准");
  await expect(page.getByTestId("referral-timeline")).toContainText("同意，请尽快联系学校");
  await page.getByRole("button", { name: "退出登录" }).first().click();
  await expect(page).toHaveURL(/\/login/);

  await loginAs(page, "director");
  await page.goto(referralUrl);
  await expect(page.getByTestId("referral-status")).toHaveText("已批准");
  await expect(page.getByTestId("referral-timeline")).toContainText("儿童督导员");
});
