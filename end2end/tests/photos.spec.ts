import { expect, test, type Page } from "@playwright/test";
import { createJob, openApp, seriousViolations, storedJob } from "./helpers";

/** The photos stored on the job, read from IndexedDB as the app stored them. */
async function storedPhotos(page: Page, id: string): Promise<{ width: number; height: number; sha256: string; target: unknown }[]> {
  return (await storedJob(page, id)).photos;
}

test("an issue is photographed offline: downscaled, stored, shown, and deletable", async ({ page, context }) => {
  await openApp(page);
  await context.setOffline(true);
  await createJob(page, "京A12345");
  const id = page.url().split("/jobs/")[1];
  // A real camera-sized JPEG: a screenshot of the page at this device's resolution.
  const shot = await page.screenshot({ type: "jpeg", quality: 80, fullPage: true });
  await page.goto(`/jobs/${id}/check-in/checklist`);
  const other = await page.screenshot({ type: "jpeg", quality: 80, fullPage: true });
  await page.getByRole("group", { name: "玻璃" }).getByRole("radio", { name: "有问题" }).check();

  await page.getByLabel("从相册选择").setInputFiles([
    { name: "glass-1.jpg", mimeType: "image/jpeg", buffer: shot },
    { name: "glass-2.jpg", mimeType: "image/jpeg", buffer: other },
  ]);
  await expect(page.getByRole("img", { name: "照片 2" })).toBeVisible();
  // The same picture again is the same blob, linked once.
  await page.getByLabel("拍照").setInputFiles({ name: "again.jpg", mimeType: "image/jpeg", buffer: shot });
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("img", { name: "照片 2" })).toBeVisible();
  await expect(page.getByRole("img", { name: "照片 3" })).toHaveCount(0);
  expect(await page.getByRole("img", { name: "照片 1" }).evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);

  const photos = await storedPhotos(page, id);
  expect(photos).toHaveLength(2);
  for (const photo of photos) {
    expect(Math.max(photo.width, photo.height)).toBeLessThanOrEqual(1600);
    expect(photo.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(photo.target).toEqual({ Check: "Glass" });
  }

  await page.getByRole("button", { name: "删除照片 1" }).click();
  await expect(page.getByRole("img", { name: "照片 2" })).toHaveCount(0);
  expect(await storedPhotos(page, id)).toHaveLength(1);
});

test("a file that is not a photo gets a message and changes nothing", async ({ page }) => {
  await openApp(page);
  await createJob(page, "京A12345");
  const id = page.url().split("/jobs/")[1];
  await page.goto(`/jobs/${id}/check-in/concerns`);
  await page.getByLabel("客户原话").fill("刹车异响");
  await page.getByRole("button", { name: "记录这条描述" }).click();
  await page.getByLabel("拍照").setInputFiles({ name: "broken.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not a jpeg") });
  await expect(page.getByRole("alert").filter({ hasText: "“broken.jpg”无法作为照片读取" })).toBeVisible();
  expect(await storedPhotos(page, id)).toHaveLength(0);
});

test("the live camera takes several pictures of a concern in a row, offline, and turns off when done", async ({ page, context }) => {
  // Keep a handle on every camera stream the app opens, to see that it is stopped.
  await page.addInitScript(() => {
    const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    (window as any).streams = [];
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await open(constraints);
      (window as any).streams.push(stream);
      return stream;
    };
  });
  await openApp(page);
  await context.setOffline(true);
  await createJob(page, "京A12345");
  const id = page.url().split("/jobs/")[1];
  await page.goto(`/jobs/${id}/check-in/concerns`);
  await page.getByLabel("客户原话").fill("右后轮有异响");
  await page.getByRole("button", { name: "记录这条描述" }).click();

  await page.getByRole("button", { name: "实时取景拍照" }).click();
  const camera = page.getByRole("dialog", { name: "实时取景拍照" });
  await expect(camera).toBeVisible();
  const shutter = camera.getByRole("button", { name: "拍照", exact: true });
  await expect(shutter).toBeEnabled();
  // The preview shows the (fake) rear camera.
  expect(await camera.getByLabel("相机取景").evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
  await shutter.click();
  await expect(camera.getByText("已拍 1 张")).toBeVisible();
  // The step behind re-renders with the new photo; the camera stays open.
  await shutter.click();
  await expect(camera.getByText("已拍 2 张")).toBeVisible();
  expect(await seriousViolations(page), "live camera").toEqual([]);
  await camera.getByRole("button", { name: "完成" }).click();
  await expect(camera).toHaveCount(0);
  await expect(page.getByRole("img", { name: "照片 2" })).toBeVisible();

  const photos = await storedPhotos(page, id);
  expect(photos).toHaveLength(2);
  expect(photos[0].target).toHaveProperty("Concern");
  expect(photos[1].target).toEqual(photos[0].target);
  for (const p of photos) expect(Math.max(p.width, p.height)).toBeLessThanOrEqual(1600);
  // Every track is stopped: the camera light is off.
  const states = await page.evaluate(() =>
    (window as any).streams.flatMap((s: MediaStream) => s.getTracks().map((t) => t.readyState)),
  );
  expect(states).toEqual(["ended"]);
});
