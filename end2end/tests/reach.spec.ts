import { expect, test, type Locator, type Page } from "@playwright/test";
import { createJob, openApp, tapDiagram } from "./helpers";

// One thumb, gloves on: what a step needs next is in reach without scrolling, and a slip can
// be undone.

/** Whether the whole element is inside the viewport as it is now (no scrolling). */
async function inView(page: Page, target: Locator) {
  const box = await target.boundingBox();
  const { width, height } = page.viewportSize()!;
  return !!box && box.y >= 0 && box.x >= 0 && box.y + box.height <= height && box.x + box.width <= width;
}

test("Back, Next and the step's state sit in reach on every step, with the current pill in view", async ({ page }, info) => {
  await openApp(page);
  await createJob(page, info.project.name === "phone" ? "京E10001" : "京E10002");
  const id = page.url().split("/jobs/")[1];
  const steps = ["arrival", "customer", "covers", "checklist", "damage", "valuables", "concerns", "review"];
  for (const [i, step] of steps.entries()) {
    await page.goto(`/jobs/${id}/check-in/${step}`);
    const bar = page.getByRole("navigation", { name: "上一步与下一步" });
    await expect(bar.getByText(new RegExp(`第 ${i + 1}/8 步 · (已完成|未完成)`))).toBeVisible();
    if (i < 7) expect(await inView(page, bar.getByRole("link", { name: "下一步" })), `${step}: Next in reach`).toBe(true);
    if (i > 0) expect(await inView(page, bar.getByRole("link", { name: "上一步" })), `${step}: Back in reach`).toBe(true);
    const box = (await bar.boundingBox())!;
    expect(box.y + box.height, `${step}: at the bottom`).toBeGreaterThan(page.viewportSize()!.height - 4);
    const pill = page.getByRole("navigation", { name: "环车接车" }).locator("[aria-current=step]");
    expect(await inView(page, pill), `${step}: current pill in view`).toBe(true);
    // Scrolled to the end of a long step, still in reach.
    await page.mouse.wheel(0, 3000);
    if (i < 7) expect(await inView(page, bar.getByRole("link", { name: "下一步" })), `${step}: Next after scrolling`).toBe(true);
  }
  await page.screenshot({ path: `screenshots/${info.project.name}-reach-review.png` });
});

test("the damage step is done only when answered, and a mark's editor opens in view", async ({ page }, info) => {
  await openApp(page);
  await createJob(page, info.project.name === "phone" ? "京E20001" : "京E20002");
  const id = page.url().split("/jobs/")[1];
  await page.goto(`/jobs/${id}/check-in/damage`);
  const state = page.getByRole("navigation", { name: "上一步与下一步" }).getByText(/第 5\/8 步/);
  await expect(state).toHaveText("第 5/8 步 · 未完成");
  await page.getByRole("button", { name: "未发现损伤" }).click();
  await expect(page.getByText("已确认：未发现损伤。")).toBeVisible();
  await expect(state).toHaveText("第 5/8 步 · 已完成");
  // A mark takes the answer back until it is pointed out.
  await tapDiagram(page, 0.5, 0.5);
  await expect(page.getByRole("heading", { name: "损伤 1" })).toBeVisible();
  await expect(state).toHaveText("第 5/8 步 · 未完成");
  for (const control of [page.getByLabel("损伤类型"), page.getByLabel("已当面向客户指出"), page.getByLabel("拍照")]) {
    await expect(control).toBeAttached();
  }
  expect(await inView(page, page.getByLabel("损伤类型")), "type in view").toBe(true);
  expect(await inView(page, page.getByLabel("已当面向客户指出")), "pointed out in view").toBe(true);
  await page.screenshot({ path: `screenshots/${info.project.name}-reach-mark-editor.png` });
  await page.getByLabel("已当面向客户指出").check();
  await expect(state).toHaveText("第 5/8 步 · 已完成");
});

test("a deleted mark and a deleted photo come back with one tap", async ({ page }, info) => {
  await openApp(page);
  await createJob(page, info.project.name === "phone" ? "京E30001" : "京E30002");
  const id = page.url().split("/jobs/")[1];
  await page.goto(`/jobs/${id}/check-in/damage`);
  await tapDiagram(page, 0.4, 0.5);
  await page.getByLabel("说明").fill("后门划痕");
  await page.getByLabel("说明").press("Tab");
  const picture = { name: "p.jpg", mimeType: "image/jpeg", buffer: await page.screenshot({ type: "jpeg" }) };
  await page.getByLabel("从相册选择").setInputFiles([picture, { ...picture, name: "q.jpg", buffer: await page.screenshot({ type: "jpeg", quality: 50 }) }]);
  await expect(page.getByRole("img", { name: "照片 2" })).toBeVisible();
  // A photo.
  await page.getByRole("button", { name: "删除照片 2" }).click();
  await expect(page.getByRole("img", { name: "照片 2" })).toHaveCount(0);
  await page.getByRole("button", { name: "撤销" }).click();
  await expect(page.getByRole("img", { name: "照片 2" })).toBeVisible();
  // The mark, with its note and photos.
  await page.getByRole("button", { name: "删除标记" }).click();
  await expect(page.getByRole("button", { name: /^损伤 1/ })).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "已删除：损伤 1" })).toBeVisible();
  await page.getByRole("button", { name: "撤销" }).click();
  await page.getByRole("button", { name: /^损伤 1/ }).click();
  await expect(page.getByLabel("说明")).toHaveValue("后门划痕");
  await expect(page.getByRole("img", { name: "照片 2" })).toBeVisible();
});

test("a walk-in's greeting is timed from one tap on the job list, before the plate is typed", async ({ page, context }) => {
  await openApp(page);
  await context.setOffline(true);
  await page.getByRole("link", { name: "散客车辆到店" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "车辆已到店" })).toBeVisible();
  await expect(page.getByRole("timer")).toContainText("秒");
  await page.getByLabel("车牌号").fill("沪A1");
  // A reload keeps the clock and what was typed.
  await page.reload();
  await expect(page.getByLabel("车牌号")).toHaveValue("沪A1");
  await page.getByRole("button", { name: "已接待客户" }).click();
  await page.getByRole("button", { name: "创建接车单" }).click();
  await expect(page.locator("#plate-error")).not.toBeEmpty();
  await page.getByLabel("车牌号").fill("沪A12345");
  await page.getByRole("button", { name: "创建接车单" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "客户与车辆" })).toBeVisible();
  const id = page.url().split("/jobs/")[1].split("/")[0];
  await page.getByRole("navigation", { name: "环车接车" }).getByRole("link", { name: "到店接待" }).click();
  const timer = page.getByRole("timer");
  await expect(timer).toBeVisible();
  const seconds = Number((await timer.textContent())!.match(/(\d+) 秒/)![1]);
  expect(seconds).toBeLessThan(30);
  await page.goto(`/jobs/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: "沪A12345" })).toBeVisible();
});
