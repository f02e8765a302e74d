import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./support/login";

test.use({ viewport: { width: 360, height: 740 }, locale: "zh-CN" });

const YEAR = new Date().getFullYear();
const DOB = `${YEAR - 9}-05-01`;
// One character per pinyin initial: a random name differs from every earlier run's in its initials too,
// so the duplicate search (name, pinyin or initials, born within a year) never matches another test.
const BY_INITIAL = "安白陈丁鄂方高何金孔林马宁欧潘秦任孙陶王夏杨张";

function uniqueName(surname: string): string {
  const given = Array.from({ length: 4 }, () => BY_INITIAL[Math.floor(Math.random() * BY_INITIAL.length)]).join("");
  return surname + given;
}

async function registerHousehold(page: Page) {
  await page.goto("/households/new");
  await page.getByLabel("住址（村内）").fill(`${Date.now() % 100}组${Date.now() % 97}号`);
  await page.getByLabel("家庭人口数").fill("4");
  await page.getByLabel("父亲情况").selectOption("WORKING_AWAY");
  await page.getByLabel("父亲务工地").fill("广东东莞");
  await page.getByLabel("母亲情况").selectOption("WORKING_AWAY");
  await page.getByLabel("监护人姓名").fill("李桂兰");
  await page.getByLabel("与儿童关系").fill("祖母");
  await page.getByRole("button", { name: "保存家庭" }).click();
  await expect(page).toHaveURL(/\/households\/[0-9a-f-]{36}$/);
}

async function fillChild(page: Page, name: string) {
  await page.getByRole("link", { name: /登记这户的儿童/ }).click();
  await expect(page).toHaveURL(/\/children\/new$/);
  await page.getByLabel("姓名", { exact: true }).fill(name);
  await page.getByLabel("性别").selectOption("FEMALE");
  await page.getByLabel("出生日期").fill(DOB);
  await page.getByLabel("没有身份证号", { exact: true }).check();
  await page.getByLabel("没有身份证号的原因").fill("出生后未办理出生登记");
  await page.getByLabel("户籍类型").selectOption("RURAL");
  await page.getByLabel("就学情况").selectOption("PRIMARY");
  await page.getByLabel("学校名称").fill("沙窝小学");
  await page.getByLabel("和谁一起生活").selectOption("GRANDPARENTS");
  await page.getByLabel("登记依据").selectOption("STATUTORY_DUTY");
}

test("a director registers a household and a child and lands on the child's file", async ({ page }) => {
  await loginAs(page, "director");
  await registerHousehold(page);
  const name = uniqueName("测");
  await fillChild(page, name);
  // Both parents away: the rule pre-ticks 农村留守儿童 for the director to confirm.
  await expect(page.getByRole("checkbox", { name: "农村留守儿童" })).toBeChecked();
  await page.getByRole("button", { name: "保存儿童档案" }).click();
  await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByRole("heading", { name: "基本信息" })).toBeVisible();
  await expect(page.getByText("农村留守儿童").first()).toBeVisible();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(360);
});

test("registering a child with the same name and date of birth as one on file shows the duplicate warning", async ({ page }) => {
  await loginAs(page, "director");
  await registerHousehold(page);
  const householdUrl = page.url();
  const name = uniqueName("重");
  await fillChild(page, name);
  await page.getByRole("button", { name: "保存儿童档案" }).click();
  await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}$/);

  await page.goto(householdUrl);
  await fillChild(page, name);
  await page.getByRole("button", { name: "保存儿童档案" }).click();
  const warning = page.getByTestId("duplicate-warning");
  await expect(warning).toContainText("可能已经登记过");
  await expect(warning.getByRole("link", { name: new RegExp(name) })).toBeVisible();
  await expect(page).toHaveURL(/\/children\/new$/);
  await warning.getByLabel("我已核对，这是另一个孩子").check();
  await page.getByRole("button", { name: "保存儿童档案" }).click();
  await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}$/);
});
