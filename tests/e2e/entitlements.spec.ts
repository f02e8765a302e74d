import ExcelJS from "exceljs";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { loginAs } from "./support/login";

test.use({ viewport: { width: 360, height: 740 } });

// A 1×1 PNG: the server decides the type from these bytes, not from the name.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

// Each project (phone, desktop) runs against the same demo database: each takes its own benefit, so the
// second run finds a child still missing it and a month still unrecorded.
const benefitFor = (info: TestInfo) => (info.project.name === "desktop" ? { type: "DE_FACTO_ALLOWANCE", label: "事实无人抚养" } : { type: "ORPHAN_ALLOWANCE", label: "孤儿" });

async function logout(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).first().click();
  await expect(page).toHaveURL(/\/login/);
}

async function move(page: Page, label: string) {
  const panel = page.getByTestId("entitlement-transitions");
  await panel.getByRole("button", { name: label, exact: true }).click();
  await panel.getByTestId("confirm-transition").click();
}

test("a director applies for a missing allowance from the gap list and uploads a photo; the township checks it and the county confirms it", async ({ page }, info) => {
  const benefit = benefitFor(info);
  await loginAs(page, "director");
  await page.goto(`/entitlements/gaps?benefit=${benefit.type}`);
  const gaps = page.getByTestId("gap-list");
  await expect(gaps).toContainText(benefit.label);
  // Two taps: the row's button, then submit.
  await gaps.locator(`a[href$="/entitlements/new?benefit=${benefit.type}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/children/[0-9a-f-]{36}/entitlements/new\\?benefit=${benefit.type}$`));
  await expect(page.getByTestId("required-documents")).toContainText("户口簿");
  await page.getByTestId("submit-application").click();
  await expect(page).toHaveURL(/\/entitlements\/[0-9a-f-]{36}$/);
  const url = page.url();
  await expect(page.getByTestId("entitlement-status")).toHaveText("已申请");

  await page.getByTestId("document-upload-CHILD_HUKOU").setInputFiles({ name: "户口簿.png", mimeType: "image/png", buffer: PNG });
  await expect(page.getByTestId("document-row-CHILD_HUKOU").getByTestId("document-file")).toBeVisible();
  const fileHref = await page.getByTestId("document-row-CHILD_HUKOU").getByTestId("document-file").getByRole("link").first().getAttribute("href");
  expect(fileHref).toMatch(/^\/api\/v1\/entitlements\/[0-9a-f-]{36}\/documents\/[0-9a-f-]{36}$/);
  const file = await page.request.get(fileHref!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("image/png");
  expect(file.headers()["content-security-policy"]).toBe("sandbox");
  expect(Buffer.from(await file.body()).equals(PNG)).toBe(true);

  // Another site cannot make the director's browser upload or delete (the session cookie would go along).
  const foreign = await page.request.delete(fileHref!, { headers: { Origin: "https://evil.example" } });
  expect(foreign.status()).toBe(403);
  await logout(page);

  // Not in public/: without a session the file is refused.
  expect((await page.request.get(fileHref!)).status()).toBe(401);

  await loginAs(page, "supervisor");
  await page.goto(url);
  await move(page, "查验通过，报县级确认");
  await expect(page.getByTestId("entitlement-status")).toHaveText("乡镇已查验");
  await logout(page);

  await loginAs(page, "county");
  await page.goto(url);
  await move(page, "确认享受");
  await expect(page.getByTestId("entitlement-status")).toHaveText("县级已确认");
  await expect(page.getByTestId("monthly-amount")).toContainText("¥");
  await expect(page.getByTestId("entitlement-timeline")).toContainText("儿童督导员");
});

test("the county records this month's allowance with one exception and downloads the roster as Excel", async ({ page }, info) => {
  await loginAs(page, "county");
  await page.goto("/payments");
  const form = page.getByTestId("record-month-form");
  await form.getByLabel("福利项目").selectOption(benefitFor(info).type);
  await form.getByRole("button", { name: "生成花名册" }).click();
  await expect(page).toHaveURL(/\/payments\/new\?/);

  const rows = page.getByTestId("roster-row");
  const count = await rows.count();
  expect(count).toBeGreaterThan(1);
  await rows.first().getByRole("checkbox").uncheck();
  await rows.first().getByLabel("未发放原因").fill("银行账户有误");
  await expect(page.getByTestId("roster-summary")).toContainText(`已发放 ${count - 1} 人 · 未发放 1 人`);
  await page.getByRole("button", { name: "确认登记" }).click();
  await expect(page).toHaveURL(/\/payments\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("payment-rows")).toContainText("银行账户有误");

  const download = await page.request.get((await page.getByTestId("export-xlsx").getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment;.*filename\*=UTF-8''/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await download.body()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rowsText = sheet.getSheetValues().map((row) => (Array.isArray(row) ? row.join("|") : ""));
  expect(rowsText.some((row) => row.includes("儿童姓名"))).toBe(true);
  expect(rowsText.filter((row) => row.includes("银行账户有误"))).toHaveLength(1);
  // The title, the header, one row per child, the total row.
  expect(sheet.actualRowCount).toBeGreaterThanOrEqual(count + 2);
});
