import { expect, test } from "@playwright/test";
import { openApp } from "./helpers";

const cases: [string, RegExp][] = [
  ["京A1234I", /不会出现字母 I 或 O/],
  ["京AO2345", /不会出现字母 I 或 O/],
  ["京A123", /应为 7 位.*现在是 5 位/],
  ["a1b2c3!!", /省份简称开头/],
  ["京A12#45", /不能有“#”/],
  ["京A123456", /新能源车牌序号/],
  ["", /请输入车牌号/],
];

test("invalid plates get a message next to the field and nothing is saved", async ({ page }) => {
  await openApp(page, "/new");
  const plate = page.getByLabel("车牌号");
  for (const [typed, message] of cases) {
    await plate.fill(typed);
    await page.getByRole("button", { name: "创建接车单" }).click();
    await expect(plate).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#plate-error")).toHaveText(message);
    await expect(page).toHaveURL(/\/new$/);
    // What was typed is kept, so the advisor only corrects it.
    await expect(plate).toHaveValue(typed);
  }
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "接车单" }).click();
  await expect(page.getByText("还没有接车单")).toBeVisible();
});

test("the message follows the language and clears once the plate is valid", async ({ page }) => {
  await openApp(page, "/new");
  const plate = page.getByLabel("车牌号");
  await plate.fill("京A123");
  await page.getByRole("button", { name: "创建接车单" }).click();
  await expect(page.locator("#plate-error")).toHaveText(/现在是 5 位/);
  await plate.fill("京a12345");
  await expect(page.locator("#plate-error")).toBeEmpty();
  await expect(plate).toHaveAttribute("aria-invalid", "false");
});

test("a script in the plate field is shown as text, never run", async ({ page }) => {
  let dialog = false;
  page.on("dialog", async (d) => {
    dialog = true;
    await d.dismiss();
  });
  await openApp(page, "/new");
  const payload = "京A<img src=x onerror=alert(1)>";
  await page.getByLabel("车牌号").fill(payload);
  await page.getByRole("button", { name: "创建接车单" }).click();
  await expect(page.locator("#plate-error")).toHaveText("车牌中不能有“<”。");
  await expect(page.locator("main img")).toHaveCount(0);

  await page.getByLabel("车牌号").fill("<script>alert(1)</script>");
  await page.getByRole("button", { name: "创建接车单" }).click();
  await expect(page.locator("#plate-error")).toHaveText(/省份简称开头/);
  await expect(page.locator("main script")).toHaveCount(0);
  expect(dialog).toBe(false);
});
