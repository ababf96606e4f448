import { expect, test } from "@playwright/test";
import { createJob, openApp, seriousViolations } from "./helpers";

test("no serious or critical accessibility violations on any page", async ({ page }) => {
  await openApp(page);
  expect(await seriousViolations(page), "empty job list").toEqual([]);

  await page.goto("/new");
  await page.getByLabel("车牌号").fill("京A1");
  await page.getByRole("button", { name: "创建接车单" }).click();
  await expect(page.locator("#plate-error")).not.toBeEmpty();
  expect(await seriousViolations(page), "new job with an error").toEqual([]);

  await createJob(page, "京A12345", "预约");
  expect(await seriousViolations(page), "job page").toEqual([]);

  const job = page.url();
  for (const step of ["arrival", "customer", "covers", "checklist", "damage", "valuables", "concerns", "review"]) {
    await page.goto(`${job}/check-in/${step}`);
    await expect(page.getByRole("navigation", { name: "环车接车" })).toBeVisible();
    expect(await seriousViolations(page), `check-in ${step}`).toEqual([]);
  }

  await page.goto("/");
  await expect(page.getByRole("link", { name: /京A12345/ })).toBeVisible();
  expect(await seriousViolations(page), "job list").toEqual([]);

  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "设置" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "设置" })).toBeVisible();
  expect(await seriousViolations(page), "settings").toEqual([]);

  await page.getByRole("link", { name: "同步" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "同步" })).toBeVisible();
  expect(await seriousViolations(page), "sync").toEqual([]);
});
