import { expect, test, type Page } from "@playwright/test";
import { createJob, openApp } from "./helpers";

/** Every page fits the screen's width and every control is big enough for a thumb. */
async function checkLayout(page: Page, name: string, project: string) {
  // Against the device's width: a phone widens its layout viewport to fit a page that is too wide.
  const wide = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, window.innerWidth));
  expect(wide, `${name} is wider than the screen`).toBeLessThanOrEqual(page.viewportSize()!.width);
  const small = await page.evaluate(() =>
    Array.from(document.querySelectorAll("main button, main a, main input, main select, nav a"))
      .filter((el) => (el as HTMLElement).offsetParent !== null || el.tagName === "INPUT")
      .map((el) => {
        const target = el.closest("label") ?? el;
        const box = target.getBoundingClientRect();
        return { text: (el.textContent || (el as HTMLInputElement).id).trim(), w: box.width, h: box.height };
      })
      .filter((box) => box.w > 0 && (box.h < 44 || box.w < 44)),
  );
  expect(small, `${name} has controls under 44 px`).toEqual([]);
  await page.screenshot({ path: `screenshots/${project}-${name}.png`, fullPage: true });
}

test("every page fits the screen with thumb-sized controls", async ({ page }, testInfo) => {
  const project = testInfo.project.name;
  await openApp(page);
  await checkLayout(page, "empty-list", project);

  await page.goto("/new");
  await page.getByLabel("车牌号").fill("京A12O45");
  await page.getByRole("button", { name: "创建接车单" }).click();
  await expect(page.locator("#plate-error")).not.toBeEmpty();
  await checkLayout(page, "new-job-error", project);

  await createJob(page, "沪AD12345", "预约");
  await checkLayout(page, "job-page", project);

  await createJob(page, "京A12345");
  const job = page.url();
  for (const step of ["arrival", "customer", "covers", "checklist", "damage", "valuables", "concerns", "review"]) {
    await page.goto(`${job}/check-in/${step}`);
    await expect(page.getByRole("navigation", { name: "环车接车" })).toBeVisible();
    await checkLayout(page, `check-in-${step}`, project);
  }
  // During a check-in the step bar takes the navigation's place on a phone; the brand leads home.
  await page.getByRole("banner").getByRole("link", { name: "LaneCheck" }).click();
  await expect(page.locator(".job-card")).toHaveCount(2);
  await checkLayout(page, "job-list", project);

  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "设置" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "设置" })).toBeVisible();
  await checkLayout(page, "settings", project);

  await page.getByRole("link", { name: "同步" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "同步" })).toBeVisible();
  await checkLayout(page, "sync", project);
});
