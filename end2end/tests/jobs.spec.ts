import { expect, test } from "@playwright/test";
import { createJob, openApp } from "./helpers";

test("a walk-in job is created, listed and still there after a reload", async ({ page }) => {
  await openApp(page);
  await expect(page.getByText("还没有接车单")).toBeVisible();

  await createJob(page, "京A12345");
  await expect(page.getByText("已到店")).toBeVisible();
  await expect(page.getByText("直接入厂")).toBeVisible();

  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "接车单" }).click();
  const card = page.getByRole("link", { name: /京A12345/ });
  await expect(card).toBeVisible();

  await page.reload();
  await expect(page.getByRole("link", { name: /京A12345/ })).toBeVisible();
});

test("jobs are listed newest first and found by plate", async ({ page }) => {
  await openApp(page);
  await createJob(page, "沪AD12345", "预约");
  await expect(page.getByText("已预约")).toBeVisible();
  await createJob(page, "粤B1234学");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "接车单" }).click();

  const plates = page.locator(".job-card .plate");
  await expect(plates).toHaveText(["粤B1234学", "沪AD12345"]);

  await page.getByLabel("按车牌或车架号搜索").fill("ad12");
  await expect(plates).toHaveText(["沪AD12345"]);
  await page.getByLabel("按车牌或车架号搜索").fill("京Z");
  await expect(page.getByText("没有匹配的接车单")).toBeVisible();
});

test("a step of the check-in is recorded in the job's history", async ({ page }) => {
  await openApp(page);
  await createJob(page, "京B54321");
  await page.getByRole("link", { name: "继续环车检查" }).click();
  await page.getByRole("button", { name: "已接待客户" }).click();
  await expect(page.getByRole("button", { name: "已接待客户" })).toHaveCount(0);
  await page.getByRole("link", { name: "京B54321" }).click();
  await page.reload();
  const history = page.getByRole("list").last().getByRole("listitem");
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText("接待客户");
});
