import { expect, test } from "@playwright/test";
import { createJob, openApp, storedJob, tapDiagram } from "./helpers";

test("two damage marks with four photos, pointed out, offline; old damage of the same car is grey", async ({ page, context }) => {
  await openApp(page);
  // An earlier visit of the same car, with one mark.
  await createJob(page, "京A12345");
  const earlier = page.url().split("/jobs/")[1];
  await page.goto(`/jobs/${earlier}/check-in/damage`);
  await tapDiagram(page, 0.3, 0.5);
  await expect(page.getByRole("heading", { name: "损伤 1" })).toBeVisible();

  await context.setOffline(true);
  await page.goto("/");
  await createJob(page, "京A12345");
  const id = page.url().split("/jobs/")[1];
  const shot = await page.screenshot({ type: "jpeg", quality: 70 });
  await page.goto(`/jobs/${id}/check-in/damage`);
  await expect(page.getByText("灰色：以往到店记录的 1 处旧损伤，不计入本次。")).toBeVisible();
  await expect(page.locator(".diagram .mark.old")).toHaveCount(1);

  // Mark 1 on the left side: a dent, moderate, with two photos.
  await tapDiagram(page, 0.5, 0.5);
  await expect(page.getByRole("heading", { name: "损伤 1" })).toBeVisible();
  await page.getByLabel("损伤类型").selectOption({ label: "凹陷" });
  await page.getByRole("radio", { name: "中等" }).check();
  await page.getByLabel("说明").fill("左前门凹陷");
  await page.getByLabel("说明").press("Tab");
  await page.getByLabel("从相册选择").setInputFiles([
    { name: "d1a.jpg", mimeType: "image/jpeg", buffer: shot },
    { name: "d1b.jpg", mimeType: "image/jpeg", buffer: await page.screenshot({ type: "jpeg", quality: 60 }) },
  ]);
  await expect(page.getByRole("img", { name: "照片 2" })).toBeVisible();
  await page.getByLabel("已当面向客户指出").check();
  await expect(page.getByRole("button", { name: /损伤 1 · 左侧 · 凹陷 ✓/ })).toBeVisible();

  // Mark 2 on the front: two photos, not yet pointed out.
  await page.getByRole("radio", { name: "车头" }).check();
  await tapDiagram(page, 0.2, 0.6);
  await expect(page.getByRole("heading", { name: "损伤 2" })).toBeVisible();
  await page.getByLabel("拍照").setInputFiles([
    { name: "d2a.jpg", mimeType: "image/jpeg", buffer: await page.screenshot({ type: "jpeg", quality: 50 }) },
    { name: "d2b.jpg", mimeType: "image/jpeg", buffer: await page.screenshot({ type: "jpeg", quality: 40 }) },
  ]);
  await expect(page.getByRole("img", { name: "照片 2" })).toBeVisible();

  // The gate knows mark 2 is not pointed out, and links back here.
  await page.goto(`/jobs/${id}/check-in/review`);
  await page.getByRole("link", { name: "向客户指出损伤 2" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "损伤标记" })).toBeVisible();

  // Select mark 2 from the list, move it, and point it out.
  await page.getByRole("button", { name: /损伤 2 · 车头/ }).click();
  await page.getByRole("button", { name: "移动位置" }).click();
  await expect(page.getByText("点按车身图上的新位置来移动这个标记")).toBeVisible();
  await tapDiagram(page, 0.8, 0.3);
  await page.getByLabel("已当面向客户指出").check();
  await expect(page.getByRole("button", { name: /损伤 2 · 车头 · 划痕 ✓/ })).toBeVisible();

  await page.reload();
  await page.getByRole("radio", { name: "车头" }).check();
  const moved = page.locator(".diagram .mark.new");
  await expect(moved).toHaveCount(1);
  await expect(moved).toHaveAttribute("transform", "translate(160 36)");
  const photos = (await storedJob(page, id)).photos.length;
  expect(photos).toBe(4);
});
