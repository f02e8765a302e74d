import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./support/login";

// Issue 6: the county officer drills from the county to a township to a village and exports the table.
// The refresh worker fills the rollups from the demo data, so this checks structure, not exact numbers.

/** The sub-area list shown at this width: cards on a phone, a table on a desktop. */
const subAreas = (page: Page, phone: boolean) => page.getByTestId(phone ? "sub-area-cards" : "sub-area-table");

test("the county officer drills from the county to a township to a village and downloads the CSV export", async ({ page }, info) => {
  const phone = info.project.name === "phone";
  await loginAs(page, "county");
  await expect(page.getByTestId("indicator-cards")).toBeVisible();
  await expect(page.getByTestId("trend-chart").locator("svg rect")).toHaveCount(24);
  const breadcrumb = page.getByTestId("area-breadcrumb").getByRole("listitem");
  await expect(breadcrumb).toHaveCount(1);

  // The export of the county's table of townships: a CSV whose first line is the header row.
  const downloading = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const text = fs.readFileSync((await download.path())!, "utf8");
  expect(text.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("区划代码,地区,在册儿童,按时走访率,走访逾期,红色风险,儿童主任覆盖率,发起转介,强制报告");
  expect(text.split("\r\n")[1]).toMatch(/^\d{12},/);

  // Sorting is a link and the URL keeps the state; a second click turns it to most children first.
  await page.getByTestId("sort-children").filter({ visible: true }).first().click();
  await expect(page).toHaveURL(/sort=children/);
  await page.getByTestId("sort-children").filter({ visible: true }).first().click();
  await expect(page).toHaveURL(/sort=children&dir=desc/);

  // County → township → village, each step a link carrying ?area=.
  await subAreas(page, phone).getByTestId("drill-link").first().click();
  await expect(page).toHaveURL(/area=\d{9}000(&|$)/);
  await expect(breadcrumb).toHaveCount(2);
  await subAreas(page, phone).getByTestId("drill-link").first().click();
  await expect(page).toHaveURL(/area=\d{9}(?!000)\d{3}(&|$)/);
  await expect(breadcrumb).toHaveCount(3);
  await expect(page.getByTestId("indicator-cards")).toBeVisible();

  // Back up to the county through the breadcrumb.
  await page.getByTestId("area-breadcrumb").getByRole("link").first().click();
  await expect(breadcrumb).toHaveCount(1);
});

test("a county officer who opens another county's area gets the not-found page", async ({ page }) => {
  await loginAs(page, "county");
  const response = await page.goto("/dashboard?area=330106001000");
  expect(response?.status()).toBe(404);
});
