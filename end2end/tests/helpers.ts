import { expect, type Page } from "@playwright/test";

/** Opens the app and waits until its service worker controls the page (offline-ready). */
export async function openApp(page: Page, path = "/") {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Creates a job through the "new job" form, as an advisor would, and waits until it is saved. */
export async function createJob(page: Page, plate: string, visit: "直接入厂" | "预约" = "直接入厂") {
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "新建" }).click();
  await page.getByRole("radio", { name: visit }).check();
  await page.getByLabel("车牌号").fill(plate);
  await page.getByRole("button", { name: "创建接车单" }).click();
  await expect(page.getByRole("heading", { level: 1, name: plate })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
}
