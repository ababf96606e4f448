import { expect, test } from "@playwright/test";
import { openApp } from "./helpers";

test("switching to English and back; a reload keeps the choice", async ({ page }) => {
  await openApp(page, "/settings");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  await page.getByLabel("界面语言").selectOption({ label: "English" });
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Jobs" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "New" }).click();
  await page.getByLabel("Plate number").fill("京A123");
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.locator("#plate-error")).toHaveText("A plate has 7 characters (8 for new-energy), not 5.");

  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Language").selectOption({ label: "简体中文" });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "设置" })).toBeVisible();
});

test("the advisor's name is kept and recorded in the history", async ({ page }) => {
  await openApp(page, "/settings");
  await page.getByLabel("服务顾问姓名").fill("王小明");
  await page.getByLabel("服务顾问姓名").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("服务顾问姓名")).toHaveValue("王小明");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "新建" }).click();
  await page.getByLabel("车牌号").fill("京C00001");
  await page.getByRole("button", { name: "创建接车单" }).click();
  await expect(page.getByText("操作人 王小明")).toBeVisible();
});
