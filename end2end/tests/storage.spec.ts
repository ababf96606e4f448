import { expect, test } from "@playwright/test";
import { openApp } from "./helpers";

test("a full device is a visible message, and what was typed is kept", async ({ page }) => {
  await openApp(page, "/new");
  // Make every IndexedDB write fail the way a full disk does.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await page.getByLabel("车牌号").fill("京A12345");
  await page.getByRole("button", { name: "创建接车单" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "设备存储空间已满" })).toBeVisible();
  await expect(page).toHaveURL(/\/new$/);
  await expect(page.getByLabel("车牌号")).toHaveValue("京A12345");
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toHaveCount(0);

  await page.reload();
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "接车单" }).click();
  await expect(page.getByText("还没有接车单")).toBeVisible();
});

test("storage persistence is requested and reported in settings", async ({ page }) => {
  await openApp(page, "/settings");
  await expect(
    page.getByText(/已设为持久保存|浏览器在空间不足时可能清除数据/),
  ).toBeVisible();
});
